"""JSON Schema for the profile and catalogue file formats, generated from the model.

Editors use these to check files while they are written; the loader checks more (references
between entries, dates, sources), so a file the schema accepts can still be refused.

>>> schema = json_schema("profile")
>>> schema["properties"]["diplomas"]["type"]
'array'
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, get_args, get_origin

import attrs

from leraarroutes._version import DOCUMENTATION_URL
from leraarroutes.catalogue.catalogue import CatalogueFile
from leraarroutes.errors import UnknownNameError
from leraarroutes.model.profile import Profile
from leraarroutes.model.qualifications import Qualification, QualificationKind
from leraarroutes.rules import RULE_TYPES, AllOf, AnyOf, Not, Rule

__all__ = ["SCHEMAS", "SCHEMA_VERSION", "json_schema", "schema_path", "schema_url"]

SCHEMAS: dict[str, type] = {"profile": Profile, "catalogue": CatalogueFile}
"""The documented file formats and the class each is read into."""

SCHEMA_VERSION = "v1"
"""The version in every schema's address. It changes only when a file valid under the old schema
would no longer be valid: adding an optional field keeps it, renaming or requiring one changes it."""


def schema_path(name: str) -> str:
    """Where a schema is published inside the documentation site.

    >>> schema_path("profile")
    'schemas/v1/profile.schema.json'
    """
    return f"schemas/{SCHEMA_VERSION}/{name}.schema.json"


def schema_url(name: str) -> str:
    """A schema's ``$id``: its stable address on the documentation site.

    >>> schema_url("routes-report")
    'https://leraarroutes.readthedocs.io/schemas/v1/routes-report.schema.json'
    """
    return DOCUMENTATION_URL + schema_path(name)


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``profile`` or ``catalogue`` file format."""
    try:
        cls = SCHEMAS[name]
    except KeyError:
        raise UnknownNameError(f"unknown schema {name!r}; valid: {', '.join(SCHEMAS)}") from None
    defs: dict[str, Any] = {}
    root = _class_schema(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url(name),
        "title": f"leraarroutes {name} file",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _ref(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # reserve first: rule trees refer to themselves
        defs[name] = _class_schema(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cls):
        if not a.init:
            continue
        if cls is Profile and a.name == "subject_ec":
            properties[a.name] = {
                "type": "object",
                "propertyNames": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 600},
            }
        else:
            properties[a.name] = _type_schema(hints[a.name], defs)
        if a.default is attrs.NOTHING:
            required.append(a.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
    if required:
        schema["required"] = required
    return schema


def _type_schema(t: Any, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401, C901, PLR0911, PLR0912 - one case per type
    origin = get_origin(t)
    if origin in (types.UnionType, typing.Union):
        options = [_type_schema(a, defs) for a in get_args(t)]
        return {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(t)[0], defs)}
    supertype = getattr(t, "__supertype__", None)
    if supertype is not None:
        return _type_schema(supertype, defs)
    if t is type(None):
        return {"type": "null"}
    if t is bool:
        return {"type": "boolean"}
    if t is int:
        return {"type": "integer"}
    if t is float:
        return {"type": "number"}
    if t is str:
        return {"type": "string"}
    if t is dt.date:
        return {"type": "string", "format": "date"}
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return {"enum": [m.value for m in t]}
    if t is Qualification:
        kinds = "|".join(k.value for k in QualificationKind)
        return {"type": "string", "pattern": f"^({kinds})(:[a-z0-9{{}}]+(-[a-z0-9]+)*)?$"}
    if t is Rule:
        return _rule_schema(defs)
    if attrs.has(t):
        return _ref(t, defs)
    raise TypeError(f"no JSON Schema for {t!r}")  # pragma: no cover - every model type is covered


def _rule_schema(defs: dict[str, Any]) -> dict[str, Any]:
    if "Rule" not in defs:
        defs["Rule"] = {}
        options = []
        for cls in RULE_TYPES:
            if cls in (AllOf, AnyOf):
                payload: dict[str, Any] = {"type": "array", "items": {"$ref": "#/$defs/Rule"}}
            elif cls is Not:
                payload = {"$ref": "#/$defs/Rule"}
            else:
                payload = _class_schema(cls, defs)
            options.append(
                {
                    "type": "object",
                    "properties": {cls.tag: payload},
                    "required": [cls.tag],
                    "additionalProperties": False,
                }
            )
        defs["Rule"] = {
            "description": "An entry rule: a mapping with exactly one key.",
            "oneOf": options,
        }
    return {"$ref": "#/$defs/Rule"}
