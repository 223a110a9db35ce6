"""The adviser's form (internal): a person's situation in the page's URL, read into a profile.

The form is a GET form, so the whole situation stands in the address: an adviser can bookmark it
or send it, and back and forward work. Its fields become a profile document (the same plain data a
profile file holds) that the project's own converter checks: there is no second model of a person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.offers import PROVINCES, Where
from leraarroutes.catalogue.serialize import structure
from leraarroutes.engine.routes import SCHOOL_TARGETS
from leraarroutes.errors import InputError, ProfileError
from leraarroutes.model.education import Level, StudyForm
from leraarroutes.model.profile import Profile, Sector
from leraarroutes.model.qualifications import QualificationKind

DIPLOMA_ROWS = 3
"""How many diplomas the form asks for."""

MAX_FIELD = 200
"""The longest text a field may hold (a programme's name is far shorter)."""

FIELDS = (
    *(f"{name}{i}" for i in range(1, DIPLOMA_ROWS + 1) for name in ("level", "programme", "year", "subjects")),
    "study_level",
    "study_programme",
    "study_ec",
    "job_sector",
    "job_subject",
    "experience",
    "held",
    "target",
    "as_of",
    "form",
    "province",
    "lang",
)
"""Every query parameter the page reads; any other is refused, so a typo is not silently ignored."""


@frozen
class Question:
    """What the page was asked: the person, the target, the date, the filters and the language."""

    profile: Profile
    target: str | None
    as_of: dt.date
    form: str | None
    where: Where | None
    lang: str
    asked: bool  # False for the empty form: show it, answer nothing


def _one(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = [v.strip() for v in params.get(name, ()) if v.strip()]
    if len(values) > 1:
        raise InputError(f"{name} is given {len(values)} times; give it once", path=name)
    if values and len(values[0]) > MAX_FIELD:
        raise InputError(f"{name} is longer than {MAX_FIELD} characters", path=name)
    return values[0] if values else None


def _many(params: Mapping[str, Sequence[str]], name: str) -> list[str]:
    values = [v.strip() for v in params.get(name, ()) if v.strip()]
    if any(len(v) > MAX_FIELD for v in values):
        raise InputError(f"{name} has a value longer than {MAX_FIELD} characters", path=name)
    return values


def _number(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError(f"{name} must be a whole number, not {text!r}", path=name) from None


def _diplomas(params: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    diplomas = []
    for i in range(1, DIPLOMA_ROWS + 1):
        level = _one(params, f"level{i}")
        if level is None:
            continue
        diploma: dict[str, Any] = {"level": level}
        if programme := _one(params, f"programme{i}"):
            diploma["programme"] = programme
        if (year := _number(_one(params, f"year{i}"), f"year{i}")) is not None:
            diploma["year"] = year
        if subjects := _many(params, f"subjects{i}"):
            diploma["exam_subjects"] = subjects
        diplomas.append(diploma)
    return diplomas


def _study(params: Mapping[str, Sequence[str]]) -> dict[str, Any] | None:
    level = _one(params, "study_level")
    if level is None:
        return None
    study: dict[str, Any] = {"level": level}
    if programme := _one(params, "study_programme"):
        study["programme"] = programme
    if (ec := _number(_one(params, "study_ec"), "study_ec")) is not None:
        study["ec"] = ec
    return study


def _profile_document(params: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The form's fields as a profile document, the shape a profile file has."""
    document: dict[str, Any] = {}
    if diplomas := _diplomas(params):
        document["diplomas"] = diplomas
    if study := _study(params):
        document["studying"] = [study]
    if sector := _one(params, "job_sector"):
        job: dict[str, Any] = {"sector": sector}
        if subject := _one(params, "job_subject"):
            job["subject"] = subject
        document["job"] = job
    if (years := _number(_one(params, "experience"), "experience")) is not None:
        document["work_experience_years"] = years
    if held := _many(params, "held"):
        document["qualifications"] = held
    if form := _one(params, "form"):
        document["study_form"] = form
    return document


def read_question(params: Mapping[str, Sequence[str]], catalogue: Catalogue) -> Question:
    """The page's query parameters as a checked question; :class:`~leraarroutes.InputError` names the field."""
    unknown = sorted(set(params) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r}; valid: {', '.join(FIELDS)}", path=unknown[0])
    lang = _one(params, "lang") or "nl"
    if lang not in ("nl", "en"):
        raise InputError(f"lang must be nl or en, not {lang!r}", path="lang")
    document = _profile_document(params)
    profile = structure(document, Profile, error=ProfileError)
    catalogue.check_profile(profile)
    text = _one(params, "as_of")
    try:
        as_of = dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        raise InputError(f"as_of must be a date as YYYY-MM-DD, not {text!r}", path="as_of") from None
    province = _one(params, "province")
    if province is not None and province not in PROVINCES:
        raise InputError(f"unknown province {province!r}; valid: {', '.join(PROVINCES)}", path="province")
    return Question(
        profile=profile,
        target=_one(params, "target"),
        as_of=as_of,
        form=_one(params, "form"),
        where=None if province is None else Where(province=province),
        lang=lang,
        asked=bool(document),
    )


def choices(catalogue: Catalogue, lang: str) -> dict[str, Any]:
    """The options of the form's lists: levels, subjects, sectors, qualifications, targets, provinces."""
    subjects = sorted(((s.id, s.label(lang)) for s in catalogue.subjects), key=lambda pair: pair[1])
    per_subject = [k for k in QualificationKind if k.per_subject]
    qualifications = [(k.value, k.label(lang)) for k in QualificationKind if not k.per_subject]
    qualifications += [
        (f"{k.value}:{subject}", f"{k.label(lang)} {name}") for k in per_subject for subject, name in subjects
    ]
    return {
        "levels": [level.value for level in Level],
        "subjects": subjects,
        "sectors": [s.value for s in Sector],
        "forms": [f.value for f in StudyForm],
        "qualifications": qualifications,
        "school_targets": sorted(SCHOOL_TARGETS),
        "provinces": list(PROVINCES),
        "diploma_rows": list(range(1, DIPLOMA_ROWS + 1)),
    }
