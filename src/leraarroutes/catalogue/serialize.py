"""Loading and saving: one strict cattrs converter, YAML/JSON/TOML, JSON Schema export.

The converter refuses unknown keys, wrong types (``"12"`` for a number, a text for a list) and
unknown enum values, and its errors name the field path and the valid choices.

>>> from leraarroutes.model.profile import Profile
>>> text = dumps(Profile(subject_ec={"natuurkunde": 95}), "yaml")
>>> print(text, end="")
subject_ec:
  natuurkunde: 95
>>> loads(text, Profile, "yaml") == Profile(subject_ec={"natuurkunde": 95})
True
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import math
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
import tomli_w
import yaml
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from leraarroutes import _validate
from leraarroutes.catalogue import _yaml
from leraarroutes.errors import InputError, RuleError
from leraarroutes.model.profile import Profile
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules import RULE_TYPES, AllOf, AnyOf, Not, Rule

__all__ = ["FORMATS", "dumps", "loads", "make_converter", "structure", "unstructure"]

T = TypeVar("T")

FORMATS = ("yaml", "json", "toml")
"""The file formats for profiles and catalogues."""

_RULE_TAGS: dict[str, type[Rule]] = {cls.tag: cls for cls in RULE_TYPES}


class _RuleShapeError(ValueError):
    """A rule that is malformed at a path below the field that holds it."""

    def __init__(self, message: str, subpath: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.subpath = subpath


_SEP = "\x00"


def _format_exception(exc: BaseException, cl: type | None) -> str:  # noqa: PLR0911 - one message per kind
    """Say what is wrong in words a person acts on; the path is added by the caller."""
    if isinstance(exc, _RuleShapeError):
        return f"{exc.message}{_SEP}{exc.subpath}"
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        extra = sorted(exc.extra_fields)
        hints = "".join(_validate.did_you_mean(e, known) for e in extra)
        return (
            f"unknown field{'s' if len(extra) > 1 else ''} {', '.join(map(repr, extra))}; "
            f"valid fields: {', '.join(known)}{hints}"
        )
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(cl, type) and issubclass(cl, enum.Enum) and isinstance(exc, ValueError):
        choices = [str(m.value) for m in cl]
        bad = _enum_value(exc)
        return f"invalid value {bad!r}; valid choices: {', '.join(choices)}{_validate.did_you_mean(bad, choices)}"
    if isinstance(exc, (ValueError, TypeError)) and exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    if isinstance(exc, AttributeError) and isinstance(cl, type) and attrs.has(cl):  # a text where a mapping belongs
        fields = ", ".join(a.name for a in attrs.fields(cl))
        return f"expected a mapping with fields ({fields}), got a single value"
    return f"invalid value ({type(exc).__name__})"


def _enum_value(exc: ValueError) -> object:
    """The value an enum refused, from Python's ``"'x' is not a valid Level"``."""
    import ast  # noqa: PLC0415 - only for an error message

    text = exc.args[0] if exc.args else "?"
    if isinstance(text, str) and " is not a valid " in text:
        written = text.rsplit(" is not a valid ", 1)[0]
        try:
            return ast.literal_eval(written)
        except (ValueError, SyntaxError):
            return written
    return text


MAX_PROBLEMS = 20
"""Most problems one error names: a file of a thousand mistakes gets a readable message."""


def _split_messages(exc: Exception) -> list[tuple[str, str]]:
    """(message, path) pairs for every problem inside a cattrs error."""
    out: list[tuple[str, str]] = []
    lines = cattrs.transform_error(exc, path="$", format_exception=_format_exception)
    # A misspelt key also makes a required field go missing: the misspelling is the news.
    lines.sort(key=lambda line: not line.startswith("unknown field"))
    for line in lines:
        message, _, path = line.rpartition(" @ ")
        if not message:
            message, path = line, "$"
        message, _, subpath = message.partition(_SEP)
        out.append((message, path + subpath))
    # ... and the field it goes missing from is the same mistake: say it once
    misspelt = {path for message, path in out if message.startswith("unknown field")}
    return [(m, p) for m, p in out if not (m == "required field missing" and p.rpartition(".")[0] in misspelt)]


def _strict_scalar(kind: type, label: str) -> Callable[[Any, type], Any]:
    def structure_scalar(value: Any, _t: type) -> Any:  # noqa: ANN401 - any input is checked
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            raise ValueError(f"expected {label}, got {type(value).__name__} {value!r}")
        return value

    return structure_scalar


def _structure_enum(value: Any, t: type[enum.StrEnum]) -> enum.StrEnum:  # noqa: ANN401
    if not isinstance(value, str):
        raise ValueError(f"'{value!r}' is not a text")
    return t(value)


def _structure_date(value: Any, _t: type) -> dt.date:  # noqa: ANN401 - any input is checked
    if type(value) is dt.date:
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")


def _is_tuple(t: Any) -> bool:  # noqa: ANN401 - a type expression
    return get_origin(t) is tuple


def _structure_tuple_factory(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(t: Any) -> Callable[[Any, Any], Any]:  # noqa: ANN401 - a type expression
        args = get_args(t)
        if len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004 - tuple[X, ...]
            item_types = None
            item = args[0]
        else:
            item_types = args
            item = None

        def structure_tuple(value: Any, _t: Any) -> tuple[Any, ...]:  # noqa: ANN401
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"expected a list, got {type(value).__name__} {value!r}")
            if item_types is not None and len(value) != len(item_types):
                raise ValueError(f"expected a list of {len(item_types)} items, got {len(value)}")
            result = []
            errors: list[Exception] = []
            for i, v in enumerate(value):
                it = item if item_types is None else item_types[i]
                try:
                    result.append(converter.structure(v, it))
                except Exception as exc:  # noqa: BLE001 - collected and re-raised with its index
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        cattrs.IterableValidationNote(f"index {i}", i, it),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError("invalid items", errors, t)
            return tuple(result)

        return structure_tuple

    return factory


def _rule_hooks(converter: cattrs.Converter) -> None:  # noqa: C901 - the hooks share their tables
    # made on first use: generating them for every rule type was a tenth of the command line's start
    @functools.cache
    def payload_structure(cls: type[Rule]) -> Callable[[Any, Any], Rule]:
        return make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    @functools.cache
    def payload_unstructure(cls: type[Rule]) -> Callable[[Any], dict[str, Any]]:
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)

    tags = ", ".join(_RULE_TAGS)

    def structure_rule(value: Any, _t: Any = Rule, subpath: str = "") -> Rule:  # noqa: ANN401
        if not isinstance(value, dict) or len(value) != 1:
            raise _RuleShapeError(f"a rule is a mapping with exactly one key, one of: {tags}; got {value!r}", subpath)
        tag, payload = next(iter(value.items()))
        cls = _RULE_TAGS.get(tag)
        here = f"{subpath}.{tag}"
        if cls is None:
            raise _RuleShapeError(
                f"unknown rule {tag!r}; valid rules: {tags}{_validate.did_you_mean(tag, list(_RULE_TAGS))}",
                subpath,
            )
        if cls in (AllOf, AnyOf):
            if not isinstance(payload, list):
                raise _RuleShapeError(f"{tag} takes a list of rules, got {payload!r}", here)
            children = [structure_rule(p, Rule, f"{here}[{i}]") for i, p in enumerate(payload)]
            return cls(rules=tuple(children))
        if cls is Not:
            return Not(rule=structure_rule(payload, Rule, here))
        if not isinstance(payload, dict):
            raise _RuleShapeError(f"{tag} takes a mapping of fields, got {payload!r}", here)
        try:
            return payload_structure(cls)(payload, cls)
        except Exception as exc:  # noqa: BLE001 - re-raised with the path inside the rule
            message, path = (
                _split_messages(exc)[0]
                if isinstance(exc, ClassValidationError)
                else (
                    _format_exception(exc, None),
                    "$",
                )
            )
            raise _RuleShapeError(message, here + path.removeprefix("$")) from None

    def unstructure_rule(rule: Rule) -> dict[str, Any]:
        if isinstance(rule, (AllOf, AnyOf)):
            return {rule.tag: [unstructure_rule(r) for r in rule.rules]}
        if isinstance(rule, Not):
            return {rule.tag: unstructure_rule(rule.rule)}
        return {rule.tag: payload_unstructure(type(rule))(rule)}

    converter.register_structure_hook_func(lambda t: t is Rule, structure_rule)
    converter.register_unstructure_hook_func(lambda t: isinstance(t, type) and issubclass(t, Rule), unstructure_rule)


def _subject_ec_in(value: Any, _t: Any) -> tuple[tuple[str, int], ...]:  # noqa: ANN401
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a mapping of subject to EC, got {value!r}")
    for k, v in value.items():
        if not isinstance(k, str):
            raise ValueError(f"subject names are texts, got {k!r}")
        if not isinstance(v, int) or isinstance(v, bool):
            raise _RuleShapeError(f"expected a whole number of EC, got {v!r}", f".{k}")
    return tuple(sorted(value.items()))


def make_converter() -> cattrs.Converter:
    """A new strict converter for every domain type (unknown keys fail, defaults are omitted).

    >>> from leraarroutes import Diploma, Level, Profile
    >>> converter = make_converter()
    >>> converter.unstructure(Profile(diplomas=(Diploma(level=Level.VWO),)))
    {'diplomas': [{'level': 'vwo'}]}
    >>> converter.structure({"diplomas": [{"level": "havo"}]}, Profile).diplomas[0].level
    <Level.HAVO: 'havo'>
    """
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    for kind, label in (
        (str, "a text"),
        (int, "a whole number"),
        (float, "a number"),
        (bool, "true or false"),
    ):
        converter.register_structure_hook(kind, _strict_scalar(kind, label))
    # StrEnum subclasses str; registered on its own it comes first in the dispatch order.
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    converter.register_unstructure_hook(enum.StrEnum, lambda member: member.value)

    def is_optional(t: Any) -> bool:  # noqa: ANN401 - a type expression
        args = get_args(t)
        union = get_origin(t) in (types.UnionType, typing.Union)
        return union and len(args) == 2 and type(None) in args  # noqa: PLR2004 - "X | None" has two members

    def structure_optional(value: Any, t: Any) -> Any:  # noqa: ANN401
        inner = next(a for a in get_args(t) if a is not type(None))
        return None if value is None else converter.structure(value, inner)

    # cattrs would coerce ``5`` to ``"5"`` for ``str | None``; go through the strict hooks instead.
    converter.register_structure_hook_func(is_optional, structure_optional)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    converter.register_structure_hook_factory(_is_tuple, _structure_tuple_factory(converter))

    def structure_qualification(value: Any, _t: Any) -> Qualification:  # noqa: ANN401
        if not isinstance(value, str):
            raise ValueError(f"expected a qualification such as 'tweedegraads:wiskunde', got {value!r}")
        return Qualification.parse(value)

    converter.register_structure_hook(Qualification, structure_qualification)
    converter.register_unstructure_hook(Qualification, str)
    _rule_hooks(converter)
    converter.register_structure_hook(
        Profile,
        make_dict_structure_fn(
            Profile,
            converter,
            _cattrs_forbid_extra_keys=True,
            subject_ec=override(struct_hook=_subject_ec_in),
        ),
    )
    converter.register_unstructure_hook(
        Profile,
        make_dict_unstructure_fn(
            Profile,
            converter,
            _cattrs_omit_if_default=True,
            subject_ec=override(unstruct_hook=dict),
        ),
    )
    return converter


_CONVERTER = make_converter()


def structure(
    data: Any,  # noqa: ANN401 - plain data from any parser
    cls: type[T],
    *,
    error: type[InputError] = InputError,
    file: str | None = None,
    node: yaml.Node | None = None,
    converter: cattrs.Converter | None = None,
) -> T:
    """Build a ``cls`` from plain data; raise ``error`` naming the file, line and field path."""
    conv = converter or _CONVERTER
    if attrs.has(cls) and not isinstance(data, dict):
        fields = ", ".join(a.name for a in attrs.fields(cls))
        raise error(
            f"expected a mapping with fields ({fields}), got {type(data).__name__}",
            path="$",
            file=file,
            line=_yaml.line_of(node, "$"),
        )
    try:
        return conv.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        found = [
            error(message, path=path, file=file, line=_yaml.line_of(node, path))
            for message, path in _split_messages(exc)[:MAX_PROBLEMS]
        ]
        first = found[0]
        raise error(first.message, path=first.path, file=file, line=first.line, more=tuple(found[1:])) from None
    except _RuleShapeError as exc:
        path = "$" + exc.subpath
        # A rule read on its own fails with a RuleError; inside a profile or catalogue, with theirs.
        family = RuleError if error is InputError and isinstance(cls, type) and issubclass(cls, Rule) else error
        raise family(exc.message, path=path, file=file, line=_yaml.line_of(node, path)) from None
    except (ValueError, TypeError, KeyError) as exc:
        message = _format_exception(exc, cls)
        raise error(message, path="$", file=file, line=_yaml.line_of(node, "$")) from None


def unstructure(obj: Any, converter: cattrs.Converter | None = None) -> Any:  # noqa: ANN401
    """Plain data (dicts, lists, texts, numbers) for a domain object."""
    return (converter or _CONVERTER).unstructure(obj)


def _drop_none(value: Any) -> Any:  # noqa: ANN401 - plain data
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


class _Dumper(yaml.SafeDumper):
    """Block-style YAML that keeps key order and never writes aliases."""

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ANN401, ARG002
        return True


def dumps(obj: Any, fmt: str = "yaml") -> str:  # noqa: ANN401 - any domain object
    """Write a domain object as ``fmt`` text (``yaml``, ``json`` or ``toml``)."""
    data = unstructure(obj)
    if fmt == "yaml":
        return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "toml":
        return tomli_w.dumps(_drop_none(data))
    raise InputError(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}")


def parse_text(text: str, fmt: str, *, file: str | None = None) -> list[tuple[Any, yaml.Node | None]]:
    """Every document in ``text`` as plain data (with its YAML node, for line numbers).

    YAML, JSON and TOML are held to the same limits: nesting at most :data:`MAX_DEPTH` deep,
    keys written once (a repeated key is an error naming both lines), keys that are text,
    numbers no longer than :data:`MAX_NUMBER_DIGITS` digits and finite, no control characters
    (other than tab and newline) and no lone surrogates in any text.
    """
    text = text.removeprefix("\ufeff")  # a byte order mark left in decoded text
    documents: list[tuple[Any, yaml.Node | None]]
    if fmt == "yaml":
        try:
            documents = list(_yaml.load_documents(text))
        except InputError as exc:
            raise exc.located(file=file) from None
    elif fmt == "json":
        documents = [(_json_document(text, file), None)]
    elif fmt == "toml":
        import tomllib  # noqa: PLC0415 - only TOML files need it; most commands start without

        try:
            data = tomllib.loads(text, parse_float=_finite_float)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"not valid TOML: {exc}", file=file) from None
        except RecursionError:
            raise InputError(f"not valid TOML: nesting deeper than {MAX_DEPTH} levels is refused", file=file) from None
        except ValueError as exc:  # an integer past Python's digit limit, a number that is not finite
            raise InputError(f"not valid TOML: {_number_problem(exc)}", file=file) from None
        documents = [(data, None)]
    else:
        raise InputError(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}", file=file)
    for data, node in documents:
        check_plain(data, file, node)
    return documents


MAX_DEPTH = _yaml.MAX_DEPTH
"""Deepest nesting of mappings and lists accepted in a YAML, JSON or TOML document."""

MAX_NUMBER_DIGITS = 30
"""Most digits of a number in a file: every number the domain knows has far fewer."""


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text} is not finite")
    return value


def _json_document(text: str, file: str | None) -> object:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                raise _repeated_key(text, key, file)
            seen[key] = value
        return seen

    def constant(name: str) -> float:
        raise InputError(f"not valid JSON: {name} is not a number", file=file)

    try:
        return json.loads(text, object_pairs_hook=pairs, parse_constant=constant, parse_float=_finite_float)
    except InputError:
        raise
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} at column {exc.colno}", file=file, line=exc.lineno) from None
    except RecursionError:
        raise InputError(f"not valid JSON: nesting deeper than {MAX_DEPTH} levels is refused", file=file) from None
    except ValueError as exc:  # an integer past Python's digit limit
        raise InputError(f"not valid JSON: {_number_problem(exc)}", file=file) from None


def _number_problem(exc: ValueError) -> str:
    """Python's own words for a number it will not convert, made short."""
    if "digits" in str(exc):
        return "a number of more than 4,300 digits is refused"
    return str(exc)


def _repeated_key(text: str, key: str, file: str | None) -> InputError:
    """A JSON key written twice in one object, named with the lines it is written on."""
    first, second, *_ = [*_lines_of_key(text, key), None, None]
    if first is None:  # not found as written: name the key only
        return InputError(f"the key {key!r} is written twice", file=file)
    if second is None or second == first:
        return InputError(f"the key {key!r} is written twice (line {first})", file=file, line=first)
    return InputError(f"the key {key!r} is written twice (lines {first} and {second})", file=file, line=second)


def _lines_of_key(text: str, key: str) -> list[int]:
    """The lines where ``"key":`` is written in JSON text (for naming a repeated key)."""
    import re  # noqa: PLC0415 - only for an error message

    written = {json.dumps(key), json.dumps(key, ensure_ascii=False)}  # "é" may be written as "\u00e9"
    pattern = re.compile("|".join(re.escape(w) for w in written) + r"\s*:")
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def check_plain(data: object, file: str | None, node: yaml.Node | None) -> None:  # noqa: C901 - one branch per type
    """Refuse what no field of the domain can hold, naming its path (and line, from YAML)."""
    stack: list[tuple[object, str, int]] = [(data, "$", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(f"nesting deeper than {MAX_DEPTH} levels is refused", file=file)
        if isinstance(value, str):
            _check_text(value, path, file, node)
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int):
            if abs(value) >= 10**MAX_NUMBER_DIGITS:
                raise InputError(f"a number of more than {MAX_NUMBER_DIGITS} digits is refused", path=path,
                                 file=file, line=_yaml.line_of(node, path))  # fmt: skip
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise InputError(f"{value} is not a number", path=path, file=file, line=_yaml.line_of(node, path))
        elif isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise InputError(
                        f"a key must be a text, not {type(key).__name__} {str(key)[:40]!r}; write it in quotes",
                        path=path, file=file, line=_yaml.line_of(node, path),
                    )  # fmt: skip
                _check_text(key, path, file, node)
                stack.append((item, f"{path}.{key}", depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))


def _check_text(value: str, path: str, file: str | None, node: yaml.Node | None) -> None:
    bad = _validate.control_character(value)
    if bad is not None:
        raise InputError(f"a control character (U+{ord(bad):04X}) is refused in a text", path=path, file=file,
                         line=_yaml.line_of(node, path))  # fmt: skip
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("a lone surrogate (\\ud800-\\udfff) is refused in a text", path=path, file=file,
                         line=_yaml.line_of(node, path)) from None  # fmt: skip


def loads(text: str, cls: type[T], fmt: str = "yaml", *, file: str | None = None) -> T:
    """Read one ``cls`` from ``fmt`` text; raise :class:`InputError` on any problem.

    ``cls`` may be the abstract :class:`~leraarroutes.Rule`: the text says which kind of rule.
    A malformed rule read this way raises :class:`~leraarroutes.RuleError`.
    """
    documents = parse_text(text, fmt, file=file)
    if len(documents) != 1:
        raise InputError(f"expected one document, found {len(documents)}", file=file)
    data, node = documents[0]
    return structure(data, cls, file=file, node=node)
