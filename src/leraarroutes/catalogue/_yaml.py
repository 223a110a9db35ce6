"""Safe YAML reading that remembers where every value stood (internal).

Only plain data is built (no object construction), documents are bounded in size, nesting
depth and alias use, and a field path such as ``$.programmes[3].entry`` can be turned back
into the line it came from.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from leraarroutes.errors import InputError

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted in one document."""

MAX_ALIASES = 100
"""Most YAML aliases (``*name``) accepted in one file; more is treated as an alias bomb."""

MAX_EXPANDED_VALUES = 1_000_000
"""Most values a document may hold once its aliases are expanded (an alias bomb has billions)."""

MAX_VALUES = 100_000
"""Most values (scalars, lists, mappings) one file may hold as written; the whole shipped catalogue
saved as one file has 17,046. Counted while reading, so a huge file stops early (after about 7 s
on 2 cores for a 5 MB file) instead of being built."""


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader that refuses deep nesting and alias bombs while composing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0
        self._values = 0
        self._last_mark: int | None = None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: dict[object, int] = {}
        for key_node, _value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            line = key_node.start_mark.line + 1
            if key in seen:
                raise InputError(f"the key {key!r} is written twice (lines {seen[key]} and {line})", line=line)
            seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> object:
        self._last_mark = node.start_mark.line + 1
        return super().construct_object(node, deep=deep)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise InputError(
                    f"more than {MAX_ALIASES} YAML aliases: refused as a possible alias bomb",
                    line=mark.line + 1,
                )
        self._values += 1
        if self._values > MAX_VALUES:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise InputError(f"the file holds more than {MAX_VALUES:,} values; refused", line=mark.line + 1)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise InputError(f"nesting deeper than {MAX_DEPTH} levels is refused", line=mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_documents(text: str) -> list[tuple[Any, yaml.Node]]:
    """Every document in ``text`` as (plain data, node tree); raise :class:`InputError`."""
    documents: list[tuple[Any, yaml.Node]] = []
    try:
        loader = _BoundedLoader(text)  # the reader refuses control characters here already
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc) from None
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:  # pragma: no cover - check_node guarantees a node
                break
            _refuse_alias_bomb(loader, node)
            documents.append((loader.construct_document(node), node))
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc) from None
    except yaml.MarkedYAMLError as exc:
        raise _marked_error(exc) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}") from None
    except (ValueError, TypeError, OverflowError) as exc:
        if isinstance(exc, InputError):  # our own limits, already located
            raise
        # PyYAML's constructors raise plain errors for values such as the date 2024-13-01
        mark = getattr(loader, "_last_mark", None)
        raise InputError(f"not valid YAML: {exc}", line=mark) from None
    except RecursionError:
        raise InputError(f"nesting deeper than {MAX_DEPTH} levels is refused") from None
    finally:
        loader.dispose()
    return documents


def _marked_error(exc: yaml.MarkedYAMLError) -> InputError:
    """A YAML syntax error, named by line and column."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "malformed YAML"
    if mark is None:
        return InputError(f"not valid YAML: {problem}")
    return InputError(f"not valid YAML: {problem} at column {mark.column + 1}", line=mark.line + 1)


def _refuse_alias_bomb(loader: _BoundedLoader, node: yaml.Node) -> None:
    if loader._aliases and _expanded_size(node, {}) > MAX_EXPANDED_VALUES:  # noqa: SLF001 - our own loader
        raise InputError(
            f"the document expands to more than {MAX_EXPANDED_VALUES:,} values through its "
            "aliases: refused as a possible alias bomb",
            line=node.start_mark.line + 1,
        )


def _reader_error(text: str, exc: yaml.reader.ReaderError) -> InputError:
    """A character YAML does not allow, named by line and column."""
    position = max(0, min(exc.position, len(text)))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return InputError(f"not valid YAML: the character U+{exc.character:04X} at column {column} is not allowed",
                      line=line)  # fmt: skip


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values ``node`` holds with every alias expanded (linear in distinct nodes)."""
    key = id(node)
    if key not in sizes:
        sizes[key] = 1  # guards against a node that contains itself
        if isinstance(node, yaml.SequenceNode):
            total = 1 + sum(_expanded_size(child, sizes) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total = 1 + sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
        else:
            total = 1
        sizes[key] = min(total, MAX_EXPANDED_VALUES + 1)
    return sizes[key]


_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def line_of(node: yaml.Node | None, path: str) -> int | None:
    """The 1-based line where ``path`` (``$.a[2].b``) points in ``node``, as near as it gets."""
    if node is None:
        return None
    best = node.start_mark.line + 1
    current: yaml.Node = node
    for key, index in _STEP.findall(path.removeprefix("$")):
        found: yaml.Node | None = None
        if key and isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                if getattr(k, "value", None) == key:
                    found = v
                    break
        elif index and isinstance(current, yaml.SequenceNode):
            i = int(index)
            if i < len(current.value):
                found = current.value[i]
        if found is None:
            break
        current = found
        best = current.start_mark.line + 1
    return best
