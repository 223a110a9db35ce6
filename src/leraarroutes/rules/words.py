"""Rules in words, in Dutch and English, for people reading the catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from leraarroutes import _validate
from leraarroutes.model.education import Level
from leraarroutes.rules.algebra import AllOf, AnyOf, Not, Rule
from leraarroutes.rules.degrees import HasDiploma, IsStudying
from leraarroutes.rules.facts import (
    Before,
    Decision,
    ExamSubject,
    HasCompleted,
    HasJob,
    HoldsQualification,
    SubjectEc,
    VocationalSubject,
    WorkExperience,
)


def _levels_text(levels: Iterable[Level], lang: str) -> str:
    return (" of " if lang == "nl" else " or ").join(level.value for level in levels)


def describe(rule: Rule, lang: str = "nl") -> str:  # noqa: C901, PLR0911, PLR0912 - one sentence per kind of rule
    """The rule in words, in Dutch (default) or English, for people reading the catalogue.

    >>> from leraarroutes import Sector
    >>> describe(HasDiploma(levels=(Level.HAVO, Level.VWO)) | HasJob(sector=Sector.PO))
    'een van: diploma havo of vwo; baan in het po'
    """
    nl = _validate.language(lang) == "nl"
    if isinstance(rule, (AllOf, AnyOf)):
        if not rule.rules:
            return (
                ("geen eisen" if nl else "no requirements") if isinstance(rule, AllOf) else ("nooit" if nl else "never")
            )
        head = ("alle: " if nl else "all of: ") if isinstance(rule, AllOf) else ("een van: " if nl else "one of: ")
        parts = [
            f"({describe(r, lang)})" if isinstance(r, (AllOf, AnyOf)) and len(r.rules) > 1 else describe(r, lang)
            for r in rule.rules
        ]
        return parts[0] if len(parts) == 1 else head + "; ".join(parts)
    if isinstance(rule, Not):
        return ("niet: " if nl else "not: ") + describe(rule.rule, lang)
    if isinstance(rule, HasDiploma):
        text = ("diploma " if nl else "a diploma ") + _levels_text(rule.levels, lang)
        if rule.programmes:
            text += " in " + ", ".join(rule.programmes)
        if rule.related_to:
            text += (
                f" verwant aan {rule.related_to} ({rule.table})"
                if nl
                else f" related to {rule.related_to} ({rule.table})"
            )
        if rule.max_age_years is not None:
            text += f", hoogstens {rule.max_age_years} jaar oud" if nl else f", at most {rule.max_age_years} years old"
        return text
    if isinstance(rule, IsStudying):
        text = (
            f"studie {_levels_text(rule.levels, lang)} met minstens {rule.min_ec} EC"
            if nl
            else (f"studying {_levels_text(rule.levels, lang)} with at least {rule.min_ec} EC")
        )
        if rule.related_to:
            text += (
                f", verwant aan {rule.related_to} ({rule.table})"
                if nl
                else f", related to {rule.related_to} ({rule.table})"
            )
        return text
    if isinstance(rule, HoldsQualification):
        return f"bevoegdheid {rule.qualification}" if nl else f"the qualification {rule.qualification}"
    if isinstance(rule, HasCompleted):
        done = ", ".join([*rule.programmes, *([f"een {rule.kind}"] if rule.kind else [])])
        return f"afgerond: {done}" if nl else f"completed: {done}"
    if isinstance(rule, SubjectEc):
        return (
            f"minstens {rule.min_ec} EC vakinhoud {rule.subject} (tekort tot {rule.max_deficiency_ec} EC toegestaan)"
            if nl
            else f"at least {rule.min_ec} EC of {rule.subject} content (up to {rule.max_deficiency_ec} EC short)"
        )
    if isinstance(rule, ExamSubject):
        return (
            f"eindexamen {_levels_text(rule.levels, lang)} in "
            if nl
            else f"a {_levels_text(rule.levels, lang)} final exam in "
        ) + (" of " if nl else " or ").join(rule.subjects)
    if isinstance(rule, HasJob):
        where = rule.sector.value + (f" ({rule.subject})" if rule.subject else "")
        return f"baan in het {where}" if nl else f"a job in {where}"
    if isinstance(rule, WorkExperience):
        return (
            f"minstens {rule.min_years:g} jaar werkervaring"
            if nl
            else f"at least {rule.min_years:g} years of work experience"
        )
    if isinstance(rule, Before):
        extra = f" ({rule.note})" if rule.note else ""
        return f"vóór {rule.date:%d-%m-%Y}{extra}" if nl else f"before {rule.date:%Y-%m-%d}{extra}"
    if isinstance(rule, VocationalSubject):
        return (
            f"{rule.subject} is een aangewezen beroepsgericht vak"
            if nl
            else f"{rule.subject} is a designated vocational subject"
        )
    if isinstance(rule, Decision):
        extra = f" ({rule.note})" if rule.note else ""
        return f"besluit van {rule.by}{extra}" if nl else f"decided by {rule.by}{extra}"
    return str(rule)
