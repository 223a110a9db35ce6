"""An advice sheet an adviser can hand over: one HTML page with the routes, the map and the sources.

Every text from a profile or the catalogue is escaped; the route map is the personal map as inline
SVG (Graphviz's escaping already applies to its labels).
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from leraarroutes import _validate
from leraarroutes._version import __version__
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.offers import Where
from leraarroutes.diagrams.dot import render, without_dates
from leraarroutes.diagrams.personal import personal_digraph
from leraarroutes.diagrams.words import SETTING_LABELS, route_figures
from leraarroutes.engine import find_routes, group_routes
from leraarroutes.engine.groups import QualificationGroup
from leraarroutes.engine.routes import SCHOOL_TARGETS, Route
from leraarroutes.errors import LeraarroutesError
from leraarroutes.model.profile import Profile
from leraarroutes.model.qualifications import Qualification

OPEN_ON_SHEET = 6
"""Open qualifications on the sheet, each with its best route."""
CONDITIONAL_ON_SHEET = 6
"""Conditional qualifications on the sheet, each with what to check."""
ROUTES_PER_TARGET = 3
"""With one qualification asked for: its open and its conditional routes on the sheet, each."""

_W = {
    "nl": {
        "title": "Advies: routes naar een lesbevoegdheid",
        "for": "Voor",
        "nobody": "jou",
        "as_of": "Peildatum",
        "made": "Gemaakt met leraarroutes {version}, catalogus {catalogue}",
        "start": "Je vooropleiding",
        "open": "Nu open voor jou",
        "conditional": "Open als een voorwaarde uitkomt",
        "qualification": "Bevoegdheid",
        "teaches": "Lesgeven in",
        "route": "Beste route",
        "figures": "Duur, EC, kosten",
        "where": "Waar",
        "check": "Na te gaan",
        "map": "Je routekaart",
        "sources": "Bronnen",
        "none": "Geen routes gevonden.",
        "months": "maanden",
        "unknown": "onbekend",
        "more": "en nog {n} bevoegdheden; vraag ernaar of kies een bevoegdheid",
        "no_bachelor": "Let op: je gaf een master op maar geen bachelor; geef die op voor een volledig antwoord.",
        "nothing": "niets opgegeven",
    },
    "en": {
        "title": "Advice: routes to a teaching qualification",
        "for": "For",
        "nobody": "you",
        "as_of": "As of",
        "made": "Made with leraarroutes {version}, catalogue {catalogue}",
        "start": "Your education",
        "open": "Open to you now",
        "conditional": "Open if a condition holds",
        "qualification": "Qualification",
        "teaches": "Teach in",
        "route": "Best route",
        "figures": "Duration, EC, cost",
        "where": "Where",
        "check": "To check",
        "map": "Your route map",
        "sources": "Sources",
        "none": "No routes found.",
        "months": "months",
        "unknown": "unknown",
        "more": "and {n} more qualifications; ask, or choose a qualification",
        "no_bachelor": "Note: you gave a master but no bachelor; add it for a complete answer.",
        "nothing": "nothing given",
    },
}

_CSS = """
@page { size: A4; margin: 15mm; }
@page map { size: A4 landscape; margin: 10mm; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #222; max-width: 190mm; margin: auto; }
h1 { font-size: 17pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #bbb; }
p.meta { color: #555; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 1px solid #ddd; }
th { background: #f3f3f3; }
.note { background: #fff7bc; padding: 4pt 6pt; }
figure { margin: 0; }
figure svg { width: 100%; height: auto; }
/* printed, the map has a landscape page of its own: at the width of a portrait page its text is too small */
section.map { page: map; break-before: page; }
@media print { body { max-width: none; } section.map svg { width: 100%; max-height: 170mm; } }
ol.sources { font-size: 8.5pt; color: #444; word-break: break-all; }
"""


def _target_words(catalogue: Catalogue, target: str, lang: str) -> str:
    """A qualification in words; a school type ("vmbo") as it was asked."""
    return target if target in SCHOOL_TARGETS else catalogue.qualification_name(target, lang)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


PLACES_PER_STEP = 3
"""Offerings named per step; the rest are counted."""


def _where(route: Route) -> str:
    places: list[str] = []
    for step in route.steps:
        places.extend(o.institution + (f", {o.city}" if o.city else "") for o in step.offers[:PLACES_PER_STEP])
        if len(step.offers) > PLACES_PER_STEP:
            places.append(f"(+{len(step.offers) - PLACES_PER_STEP})")
    return "; ".join(places)


def _steps(route: Route, lang: str) -> str:
    names = (s.name_en if lang == "en" and s.name_en else s.name for s in route.steps)
    return " → ".join(_e(n) for n in names)


def _open_rows(groups: list[QualificationGroup], lang: str, settings: dict[str, str]) -> list[str]:
    rows = []
    for g in groups:
        route = g.best
        notes = [s.grant_text(lang) for s in route.steps if s.grant_text(lang)]
        rows.append(
            "<tr>"
            f"<td>{_e(g.label(lang))}</td>"
            f"<td>{_e(', '.join(settings.get(s.value, s.value) for s in g.teaches))}</td>"
            f"<td>{_steps(route, lang)}" + "".join(f"<br><em>{_e(n)}</em>" for n in notes) + "</td>"
            f"<td>{_e(route_figures(route, lang))}</td>"
            f"<td>{_e(_where(route))}</td>"
            "</tr>"
        )
    return rows


def _map_svg(catalogue: Catalogue, profile: Profile, target: str | None, day: dt.date, lang: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = render(
            personal_digraph(catalogue, profile, target, as_of=day, lang=lang, limit=8), Path(tmp) / "map.svg"
        )
        svg = path.read_text(encoding="utf-8")
    return svg[svg.index("<svg") :]  # without the XML prolog and doctype, to sit inside HTML


def advice_html(  # noqa: C901 - one section after the other
    catalogue: Catalogue,
    profile: Profile,
    target: str | None = None,
    *,
    as_of: dt.date | None = None,
    lang: str = "nl",
    where: Where | None = None,
) -> str:
    """One printable HTML page: the starting point, the best routes, what to check, the map, the sources.

    Raises :class:`~leraarroutes.GraphvizMissingError` when Graphviz's ``dot`` (for the map) is missing.

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),), description="Sanne")
    >>> page = advice_html(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1))
    >>> "Sanne" in page and "Pabo" in page and "<svg" in page
    True
    """
    lang = _validate.language(lang)
    day = _validate.day(as_of)
    w = _W[lang]
    routes = find_routes(catalogue, profile, target, as_of=day, lang=lang, where=where)
    if target and target not in SCHOOL_TARGETS:
        # one qualification: its best routes one by one, open and conditional (a conditional
        # 12-month route matters more than an open 66-month one)
        scopes = catalogue.teaches(day)
        groups = [
            QualificationGroup(
                qualification=r.qualification,
                status=r.status,
                routes=(r,),
                more=0,
                teaches=scopes.get(Qualification.parse(r.qualification).kind, ()),
                name=catalogue.qualification_name(r.qualification, "nl"),
                name_en=catalogue.qualification_name(r.qualification, "en"),
            )
            for r in routes
        ]
        open_groups = [g for g in groups if g.status == "open"][:ROUTES_PER_TARGET]
        conditional = [g for g in groups if g.status != "open"][:ROUTES_PER_TARGET]
    else:
        groups = list(group_routes(catalogue, routes, as_of=day, per_qualification=1))
        open_groups = [g for g in groups if g.status == "open"]
        conditional = [g for g in groups if g.status != "open"]
    start = [d.level.value + (f" {d.programme}" if d.programme else "") for d in profile.diplomas]
    start += [f"{s.level.value} {s.programme or ''} ({s.ec} EC)".strip() for s in profile.studying]
    start += [catalogue.qualification_name(q, lang) for q in profile.qualifications]
    if profile.job is not None:
        start.append(f"{profile.job.sector.value}" + (f" ({profile.job.subject})" if profile.job.subject else ""))
    body = [
        f"<h1>{_e(w['title'])}</h1>",
        f"<p class='meta'>{_e(w['for'])}: {_e(profile.description or w['nobody'])}"
        + (f" → {_e(_target_words(catalogue, target, lang))}" if target else "")
        + f" · {_e(w['as_of'])}: {_e(day.isoformat())}</p>",
        f"<p class='meta'>{_e(w['made'].format(version=__version__, catalogue=catalogue.version))}</p>",
        f"<h2>{_e(w['start'])}</h2>",
        "<ul>" + "".join(f"<li>{_e(s)}</li>" for s in start or [w["nothing"]]) + "</ul>",
    ]
    if profile.bachelor_not_given:
        body.append(f"<p class='note'>{_e(w['no_bachelor'])}</p>")
    if not groups:
        body.append(f"<p>{_e(w['none'])}</p>")
    settings = SETTING_LABELS[lang]
    if open_groups:
        head = "".join(f"<th>{_e(w[k])}</th>" for k in ("qualification", "teaches", "route", "figures", "where"))
        body.append(f"<h2>{_e(w['open'])}</h2>")
        body.append(f"<table><tr>{head}</tr>" + "".join(_open_rows(open_groups[:OPEN_ON_SHEET], lang, settings)))
        body.append("</table>")
        if len(open_groups) > OPEN_ON_SHEET:
            body.append(f"<p>{_e(w['more'].format(n=len(open_groups) - OPEN_ON_SHEET))}</p>")
    if conditional:
        body.append(f"<h2>{_e(w['conditional'])}</h2><ul>")
        for g in conditional[:CONDITIONAL_ON_SHEET]:
            checks = "; ".join(c.text(lang) for s in g.best.steps for c in s.conditions)
            body.append(
                f"<li><strong>{_e(g.label(lang))}</strong> via {_steps(g.best, lang)}: "
                f"{_e(route_figures(g.best, lang))} — "
                f"{_e(w['check'])}: {_e(checks)}</li>"
            )
        body.append("</ul>")
        if len(conditional) > CONDITIONAL_ON_SHEET:
            body.append(f"<p>{_e(w['more'].format(n=len(conditional) - CONDITIONAL_ON_SHEET))}</p>")
    shown = open_groups[:OPEN_ON_SHEET] + conditional[:CONDITIONAL_ON_SHEET]
    sources = list(dict.fromkeys(s.sources[0] for g in shown for s in g.best.steps if s.sources))
    if sources:
        body.append(f"<h2>{_e(w['sources'])}</h2><ol class='sources'>")
        body.extend(f"<li>{_e(u)}</li>" for u in sources)
        body.append("</ol>")
    if groups:  # last: printed, it takes a landscape page of its own
        body.append(
            f"<section class='map'><h2>{_e(w['map'])}</h2>"
            f"<figure>{_map_svg(catalogue, profile, target, day, lang)}</figure></section>"
        )
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{_e(w['title'])}</title><style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


class BrowserMissingError(LeraarroutesError):
    """A PDF was asked for and no headless Chromium is installed to print the page."""


BROWSERS = ("chromium", "chromium-browser", "google-chrome")
"""The programs :func:`html_to_pdf` looks for, in this order."""
PRINT_TIMEOUT_S = 120
"""How long printing one page may take before it is an error."""


def html_to_pdf(page: str) -> bytes:
    """Print an HTML page to PDF (A4) with headless Chromium, the way a person would print it.

    Chromium lays the page out as a browser does (the sheet's CSS, the inline SVG map), which
    keeps one renderer for screen and paper. Raises :class:`BrowserMissingError` when no
    Chromium is installed.

    >>> try:
    ...     pdf = html_to_pdf("<p>Hallo</p>")
    ... except BrowserMissingError:  # no Chromium on this machine: write the .html instead
    ...     pdf = b"%PDF-"
    >>> pdf[:5]
    b'%PDF-'
    """
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        raise BrowserMissingError(
            "a PDF needs headless Chromium; install it with `apt-get install chromium`, or write .html instead"
        )
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "advies.html", Path(tmp) / "advies.pdf"
        source.write_text(page, encoding="utf-8")
        try:
            subprocess.run(  # noqa: S603 - a fixed program on our own file
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-pdf-header-footer",
                    f"--user-data-dir={tmp}/profile",
                    f"--print-to-pdf={out}",
                    source.as_uri(),
                ],
                capture_output=True,
                check=True,
                timeout=PRINT_TIMEOUT_S,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise LeraarroutesError(f"{browser} could not print the page: {exc}") from None
        if not out.exists():
            raise LeraarroutesError(f"{browser} wrote no PDF")
        return without_dates(out.read_bytes())
