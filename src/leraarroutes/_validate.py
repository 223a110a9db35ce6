"""Small attrs validators shared by the model modules (internal)."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from leraarroutes.errors import InputError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a lower-case, dash-separated identifier."""
    if not isinstance(value, str) or not SLUG.fullmatch(value):
        msg = f"{attribute.name} must be a lower-case slug such as 'wiskunde', not {value!r}"
        raise ValueError(msg)


CONTROL_CHARACTERS = frozenset(chr(c) for c in (*range(32), 127)) - {"\t", "\n", "\r"}
"""Characters no text of the domain holds: NUL and the other C0 controls (tab and newlines aside)."""


def control_character(text: str) -> str | None:
    """The first of :data:`CONTROL_CHARACTERS` in ``text``, or None."""
    if CONTROL_CHARACTERS.isdisjoint(text):
        return None
    return next(ch for ch in text if ch in CONTROL_CHARACTERS)


def non_blank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a string with some text in it and no control characters (a NUL breaks dot and files)."""
    if not isinstance(value, str) or not value.strip():
        msg = f"{attribute.name} must be a non-empty text, not {value!r}"
        raise ValueError(msg)
    bad = control_character(value)
    if bad is not None:
        msg = f"{attribute.name} holds the control character U+{ord(bad):04X}; texts may not"
        raise ValueError(msg)


def optional_non_blank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that an optional text, when given, has some text in it."""
    if value is not None:
        non_blank(instance, attribute, value)


def unique(
    key: Callable[[Any], object] = lambda item: item,
) -> Callable[[object, attrs.Attribute[Any], tuple[Any, ...]], None]:
    """Build a validator that refuses repeated items in a tuple."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        seen: set[object] = set()
        for item in value:
            k = key(item)
            if k in seen:
                msg = f"{attribute.name} lists {k!r} twice"
                raise ValueError(msg)
            seen.add(k)

    return check


def year(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Check a plausible calendar year."""
    if value is not None and not 1900 <= value <= 2100:  # noqa: PLR2004 - the plausible range
        msg = f"{attribute.name} must be a year between 1900 and 2100, not {value}"
        raise ValueError(msg)


def did_you_mean(value: object, choices: Iterable[str], n: int = 1) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``choices`` (up to ``n``), or ``""``."""
    close = difflib.get_close_matches(str(value), list(choices), n=n)
    return f"; did you mean {', '.join(map(repr, close))}?" if close else ""


LANGUAGES = ("nl", "en")
"""The languages of texts and labels: Dutch (the default) and English."""


def language(lang: str) -> str:
    """``lang`` when it is one of :data:`LANGUAGES`, else an :class:`~leraarroutes.InputError`."""
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; valid: {', '.join(LANGUAGES)}")
    return lang


def day(as_of: object) -> dt.date:
    """The day a question is asked for: ``as_of``, today when it is None.

    A datetime counts as its date; anything else is an :class:`~leraarroutes.InputError`.
    """
    if as_of is None:
        return dt.date.today()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    raise InputError(f"as_of must be a date such as datetime.date(2024, 1, 1), not {type(as_of).__name__} {as_of!r}")


E = TypeVar("E", bound=enum.Enum)


def to_member(kind: type[E], value: E | str) -> E:
    """``value`` as a member of ``kind``: a member, or its text (``"vwo"`` for ``Level.VWO``).

    For attrs converters. A text that names no member is a ``ValueError`` listing the valid ones.
    """
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        choices = [str(m.value) for m in kind]
        if value in choices:
            return kind(value)
        msg = f"{value!r} is not a {kind.__name__}; valid: {', '.join(choices)}{did_you_mean(value, choices)}"
        raise ValueError(msg)
    msg = f"expected a {kind.__name__} or its text, not {type(value).__name__} {value!r}"
    raise TypeError(msg)


def dates_in_order(instance: object, _attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
    """Check that ``valid_until`` (this value) comes after the instance's ``valid_from``."""
    start = getattr(instance, "valid_from", None)
    if value is not None and start is not None and value <= start:
        msg = f"valid_until {value} is not after valid_from {start}"
        raise ValueError(msg)
