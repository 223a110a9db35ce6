"""Argument types shared by the commands (internal), each speaking the run's language."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
from collections.abc import Callable

from leraarroutes.cli._words import TYPES
from leraarroutes.engine.routes import SCHOOL_TARGETS
from leraarroutes.model.qualifications import QualificationKind


def date_argument(lang: str = "nl") -> Callable[[str], dt.date]:
    """An argparse type: a date as YYYY-MM-DD."""

    def date(text: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(TYPES[lang]["date"].format(text=text)) from None

    return date


def positive_argument(lang: str = "nl") -> Callable[[str], int]:
    """An argparse type: a whole number of 1 or more."""

    def positive(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(TYPES[lang]["whole"].format(text=text)) from None
        if number < 1:
            raise argparse.ArgumentTypeError(TYPES[lang]["positive"].format(number=number))
        return number

    return positive


def target_argument(lang: str = "nl") -> Callable[[str], str]:
    """An argparse type: a qualification or school type, in any case, with suggestions when unknown.

    The subject is checked against the catalogue later, by the engine, which names close subjects.

    >>> target_argument("en")(" Eerstegraads:Scheikunde ")
    'eerstegraads:scheikunde'
    >>> target_argument("en")("VMBO")
    'vmbo'
    """
    words = TYPES[lang]
    kinds = [k.value for k in QualificationKind]

    def target(text: str) -> str:
        folded = ":".join(part.strip() for part in text.strip().lower().split(":"))
        if folded in SCHOOL_TARGETS:
            return folded
        kind, sep, _subject = folded.partition(":")
        if kind not in kinds:
            close = difflib.get_close_matches(folded, [*kinds, *SCHOOL_TARGETS], n=2)
            close = close or difflib.get_close_matches(kind, kinds, n=1)
            hint = words["did_you_mean"].format(names=", ".join(map(repr, close))) if close else ""
            raise argparse.ArgumentTypeError(
                words["target_kind"].format(
                    text=text, kinds=", ".join(kinds), schools=", ".join(SCHOOL_TARGETS), hint=hint
                )
            )
        if QualificationKind(kind).per_subject and not sep:
            raise argparse.ArgumentTypeError(words["target_subject"].format(kind=kind))
        return folded

    return target
