"""The documented JSON answers, built once for every front end (the command line and the web API).

:func:`routes_report` is what ``leraarroutes routes --format json`` prints and what
``POST /api/v1/routes`` returns (``schemas/routes-report.schema.json``); :func:`explanation_report`
is the answer of ``explain --format json`` and ``POST /api/v1/explain``. Both name the package
version, the catalogue version and the date asked for, so a stored answer can be traced.

>>> import datetime as dt
>>> from leraarroutes import Diploma, Level, Profile, load_catalogue
>>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
>>> report = routes_report(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1))
>>> report["as_of"], report["routes"][0]["status"], sorted(report)[:3]
('2024-01-01', 'open', ['as_of', 'blocked', 'catalogue_date'])
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

from leraarroutes import _validate
from leraarroutes._version import __version__
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.offers import Where
from leraarroutes.engine.explain import explain
from leraarroutes.engine.groups import ROUTES_PER_QUALIFICATION, group_routes
from leraarroutes.engine.routes import SCHOOL_TARGETS, Route, SortKey, find_routes
from leraarroutes.model.education import Diploma, Study
from leraarroutes.model.profile import Profile
from leraarroutes.register import Degree, Identification


def versions(catalogue: Catalogue) -> dict[str, str | None]:
    """What every JSON answer names, so that a stored answer can be traced to its code and data.

    The package version, the catalogue's content fingerprint and the newest date its sources
    were read.

    >>> from leraarroutes import load_catalogue
    >>> sorted(versions(load_catalogue()))
    ['catalogue_date', 'catalogue_version', 'leraarroutes_version']
    """
    return {
        "leraarroutes_version": __version__,
        "catalogue_version": catalogue.version,
        "catalogue_date": catalogue.sources_date,
    }


def _degree_json(d: Degree) -> dict[str, Any]:
    return {"croho": d.croho, "name": d.name, "level": d.level.value, "sector": d.sector}


def identification_json(found: Identification) -> dict[str, Any]:
    """How a diploma's name was recognised in the register, as the report writes it."""
    return {
        "identification": found.status,
        "degree": None if found.degree is None else _degree_json(found.degree),
        "candidates": [_degree_json(d) for d in found.candidates],
    }


def routes_report(
    catalogue: Catalogue,
    profile: Profile,
    target: str | None = None,
    *,
    as_of: dt.date | None = None,
    lang: str = "nl",
    form: str | None = None,
    where: Where | None = None,
    sort: SortKey | str = SortKey.MONTHS,
    pareto: bool = False,
    limit: int | None = None,
    everything: bool = False,
) -> dict[str, Any]:
    """The documented JSON report of a route query (``schemas/routes-report.schema.json``).

    ``form`` defaults to the profile's own choice (voltijd, or deeltijd with a job). Without a
    target, or for a school type, the routes are also grouped per qualification
    (``qualifications``: at most 3 routes each unless ``everything``).
    """
    day = _validate.day(as_of)
    lang = _validate.language(lang)
    chosen = form or profile.chosen_form()[0].value
    options: dict[str, Any] = {"as_of": day, "sort": sort, "pareto": pareto, "lang": lang, "form": chosen}
    routes = find_routes(catalogue, profile, target, limit=limit, where=where, **options)
    school = target in SCHOOL_TARGETS
    blocked = explain(catalogue, profile, target, as_of=day) if target and not school else ()
    report: dict[str, Any] = {
        **versions(catalogue),
        "as_of": day.isoformat(),
        "routes": [r.to_json(lang) for r in routes],
        "blocked": [b.to_json(lang) for b in blocked],
    }
    if target is None or school:
        per = None if everything else ROUTES_PER_QUALIFICATION
        report["qualifications"] = [
            g.to_json(lang) for g in group_routes(catalogue, routes, as_of=day, per_qualification=per)
        ]
    degrees: tuple[Diploma | Study, ...] = (*profile.diplomas, *profile.studying)
    report["profile"] = [
        {"level": d.level.value, "programme": d.programme, **identification_json(catalogue.identify(d))}
        for d in degrees
    ]
    if where is not None:
        kept = routes if limit is None else None
        report["filter"] = {
            "description": where.describe(lang),
            "dropped_routes": dropped_routes(catalogue, profile, target, where, kept=kept, **options),
        }
    return report


def dropped_routes(
    catalogue: Catalogue,
    profile: Profile,
    target: str | None,
    where: Where,
    *,
    kept: tuple[Route, ...] | None = None,
    **options: Any,  # noqa: ANN401 - find_routes' own keywords
) -> int:
    """How many routes ``where`` drops: the routes without it less those with it.

    ``kept`` is the answer with ``where`` when the caller already has it (asked without a limit),
    so that search is not run twice.
    """
    with_filter = kept if kept is not None else find_routes(catalogue, profile, target, where=where, **options)
    return len(find_routes(catalogue, profile, target, **options)) - len(with_filter)


def explanation_report(
    catalogue: Catalogue, profile: Profile, target: str, *, as_of: dt.date | None = None, lang: str = "nl"
) -> dict[str, Any]:
    """What is closed to ``profile`` on the way to ``target``, and why, as the documented JSON."""
    day = _validate.day(as_of)
    lang = _validate.language(lang)
    blocked = explain(catalogue, profile, target, as_of=day)
    return {
        **versions(catalogue),
        "as_of": day.isoformat(),
        "target": target,
        "blocked": [b.to_json(lang) for b in blocked],
    }


def report_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`routes_report`'s answer, as shipped with the package.

    >>> report_schema()["required"][:2]
    ['leraarroutes_version', 'catalogue_version']
    """
    text = (resources.files("leraarroutes.engine") / "data" / "routes-report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
