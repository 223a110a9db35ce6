"""Converters and validators that the fields of several rules share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from leraarroutes import _validate
from leraarroutes.ids import SUBJECT_PLACEHOLDER
from leraarroutes.model.education import Level


def _levels(value: Iterable[Level | str]) -> tuple[Level, ...]:
    return tuple(sorted({Level(v) for v in value}, key=list(Level).index))


def _optional_subject(_i: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value != SUBJECT_PLACEHOLDER:
        _validate.slug(_i, attribute, value)


def _table_with_subject(instance: Any, _a: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    if (value is None) != (instance.related_to is None):
        msg = "related_to and table go together: name both, or neither"
        raise ValueError(msg)
    if value is not None:
        _validate.slug(instance, _a, value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)
