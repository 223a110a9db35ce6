"""The adviser's page (internal): the form, and the answer drawn from the same report the API returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import jinja2

from leraarroutes._version import __version__
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.diagrams import GraphvizMissingError, personal_digraph, to_svg
from leraarroutes.diagrams.words import SETTING_LABELS
from leraarroutes.engine.report import routes_report
from leraarroutes.engine.routes import SCHOOL_TARGETS
from leraarroutes.errors import InputError
from leraarroutes.register import DegreeRegister
from leraarroutes.web._form import Question, choices, read_question

ROUTES_ON_PAGE = 10
"""Routes shown for one qualification; the rest are counted (the API returns them all)."""

WORDS = {
    "nl": {
        "title": "Routes naar een lesbevoegdheid",
        "intro": "Vul in wat iemand heeft en wil; de pagina toont welke routes naar welke bevoegdheid leiden.",
        "skip": "Naar het antwoord",
        "other_lang": "English",
        "situation": "Situatie",
        "diploma": "Diploma {n}",
        "level": "Niveau",
        "programme": "Opleiding (naam uit het register)",
        "year": "Jaar van het diploma",
        "subjects": "Examenvakken (vo-diploma)",
        "studying": "Studie bezig",
        "ec": "Behaalde EC",
        "work": "Werk",
        "sector": "Baan in de sector",
        "job_subject": "Vak van de baan",
        "experience": "Jaren werkervaring",
        "held": "Bevoegdheden die al behaald zijn",
        "question": "Vraag",
        "target": "Doel",
        "everything": "Wat kan ik worden? (alle bevoegdheden)",
        "school_types": "Schooltype",
        "qualifications": "Bevoegdheid",
        "as_of": "Peildatum",
        "form": "Studievorm",
        "form_default": "vanzelf (voltijd; deeltijd met een baan)",
        "province": "Aanbod in de provincie",
        "anywhere": "heel Nederland",
        "none": "—",
        "submit": "Toon routes",
        "answer": "Antwoord",
        "open": "Nu open ({n} bevoegdheden)",
        "conditional": "Open als een voorwaarde uitkomt ({n} bevoegdheden)",
        "routes": "Routes ({n})",
        "no_routes": "Geen routes gevonden.",
        "best": "beste route",
        "teaches": "lesgeven in",
        "all_routes": "alle routes hierheen",
        "more": "en nog {n} routes",
        "steps": "Stappen",
        "months": "maanden",
        "unknown": "onbekend",
        "at_least": "minstens",
        "cost": "kosten",
        "where": "waar",
        "conditions": "na te gaan",
        "source": "bron",
        "why_not": "Waarom niet?",
        "why_not_link": "Waarom niet? {n} opleidingen op de weg zijn dicht",
        "why_not_intro": "Deze opleidingen op de weg naar het doel zijn dicht, en dit is waarom:",
        "would_open": "zou openen",
        "map": "Routekaart",
        "map_missing": "De routekaart vraagt Graphviz (dot) op de server.",
        "error": "Dit kan zo niet",
        "made": "leraarroutes {version}, catalogus {catalogue}; peildatum {day}",
        "filter": "filter",
        "status_open": "open",
        "status_conditional": "voorwaardelijk",
        "notes": "Let op",
    },
    "en": {
        "title": "Routes to a teaching qualification",
        "intro": "Fill in what someone has and wants; the page shows which routes lead to which qualification.",
        "skip": "Skip to the answer",
        "other_lang": "Nederlands",
        "situation": "Situation",
        "diploma": "Diploma {n}",
        "level": "Level",
        "programme": "Programme (name from the register)",
        "year": "Year of the diploma",
        "subjects": "Exam subjects (secondary diploma)",
        "studying": "Studying now",
        "ec": "EC earned",
        "work": "Work",
        "sector": "Job in the sector",
        "job_subject": "Subject of the job",
        "experience": "Years of work experience",
        "held": "Qualifications already held",
        "question": "Question",
        "target": "Goal",
        "everything": "What can I become? (every qualification)",
        "school_types": "School type",
        "qualifications": "Qualification",
        "as_of": "Date",
        "form": "Study form",
        "form_default": "automatic (full-time; part-time with a job)",
        "province": "Offered in the province",
        "anywhere": "the whole country",
        "none": "—",
        "submit": "Show routes",
        "answer": "Answer",
        "open": "Open now ({n} qualifications)",
        "conditional": "Open if a condition holds ({n} qualifications)",
        "routes": "Routes ({n})",
        "no_routes": "No routes found.",
        "best": "best route",
        "teaches": "teach in",
        "all_routes": "every route to it",
        "more": "and {n} more routes",
        "steps": "Steps",
        "months": "months",
        "unknown": "unknown",
        "at_least": "at least",
        "cost": "cost",
        "where": "where",
        "conditions": "to check",
        "source": "source",
        "why_not": "Why not?",
        "why_not_link": "Why not? {n} programmes on the way are closed",
        "why_not_intro": "These programmes on the way to the goal are closed, and this is why:",
        "would_open": "would open",
        "map": "Route map",
        "map_missing": "The route map needs Graphviz (dot) on the server.",
        "error": "This cannot be answered as asked",
        "made": "leraarroutes {version}, catalogue {catalogue}; as of {day}",
        "filter": "filter",
        "status_open": "open",
        "status_conditional": "conditional",
        "notes": "Note",
    },
}


FORM_WORDS = {"en": {"voltijd": "full-time", "deeltijd": "part-time", "duaal": "work-study (duaal)"}}
"""Study forms in English; Dutch shows the values themselves."""


def _form_word(form: str | None, lang: str) -> str:
    return "" if form is None else FORM_WORDS.get(lang, {}).get(form, form)


def _link(params: Mapping[str, Sequence[str]], **changes: str) -> str:
    """The page's own address with some fields changed, for links that keep the situation."""
    pairs = [(key, value) for key, values in params.items() if key not in changes for value in values]
    pairs += list(changes.items())
    return "?" + urlencode(pairs)


def _figures(route: Mapping[str, Any], w: Mapping[str, str], lang: str) -> str:
    months = w["unknown"] if route["months"] is None else str(route["months"])
    if route["months"] is not None and route.get("months_max"):
        months = f"{route['months']}-{route['months_max']}"
    if route["months"] is not None and route["months_unknown_steps"]:
        months = f"{w['at_least']} {months}"
    parts = [f"{months} {w['months']}" + (f" {_form_word(route['form'], lang)}" if route.get("form") else "")]
    ec = "EC " + w["unknown"] if route["ec"] is None else f"{route['ec']} EC"
    if route["ec"] is not None and route["ec_unknown_steps"]:
        ec = f"{w['at_least']} {ec}"
    parts.append(ec)
    cost = route["cost_eur"]
    parts.append(f"€ {w['unknown']}" if cost is None else f"€ {cost:,}".replace(",", "."))
    return ", ".join(parts)


def _map(catalogue: Catalogue, question: Question) -> str | None:
    try:
        graph = personal_digraph(catalogue, question.profile, question.target, as_of=question.as_of, lang=question.lang)
        return to_svg(graph)
    except GraphvizMissingError:
        return None


def render_page(
    templates: jinja2.Environment,
    catalogue: Catalogue,
    register: DegreeRegister,
    params: Mapping[str, Sequence[str]],
) -> tuple[str, int]:
    """The whole page and its status.

    The form is filled in from ``params`` and, when anything is given, the answer follows; a field
    the page cannot read gives the form again with the message (422).
    """
    lang = "en" if list(params.get("lang", ())) == ["en"] else "nl"
    w = WORDS[lang]
    context: dict[str, Any] = {
        "lang": lang,
        "w": w,
        "params": {key: list(values) for key, values in params.items()},
        "choices": choices(catalogue, lang),
        "degree_names": sorted({d.name for d in register.degrees}),
        "other_lang_link": _link(params, lang="nl" if lang == "en" else "en"),
        "error": None,
        "report": None,
        "svg": None,
        "settings": SETTING_LABELS[lang],
        "figures": lambda route: _figures(route, w, lang),
        "form_word": lambda form: _form_word(form, lang),
        "link": lambda **changes: _link(params, **changes),
        "made": None,
        "routes_on_page": ROUTES_ON_PAGE,
        "grouped": False,
        "notes": [],
        "programme_name": lambda pid: catalogue.context().programme_name(pid, lang) or pid,
    }
    try:
        question = read_question(params, catalogue)
    except InputError as exc:
        context["error"] = str(exc)
        return templates.get_template("page.html").render(context), 422
    context["notes"] = catalogue.check_profile(question.profile)
    if question.asked:
        report = routes_report(
            catalogue,
            question.profile,
            question.target,
            as_of=question.as_of,
            lang=lang,
            form=question.form,
            where=question.where,
        )
        context["report"] = report
        context["grouped"] = "qualifications" in report
        context["target_is_school"] = question.target in SCHOOL_TARGETS
        context["svg"] = _map(catalogue, question)
        context["made"] = w["made"].format(
            version=__version__, catalogue=catalogue.version, day=question.as_of.isoformat()
        )
    return templates.get_template("page.html").render(context), 200


def error_page(templates: jinja2.Environment, message: str, lang: str) -> str:
    """A page that says what went wrong (for requests the page itself cannot answer)."""
    return templates.get_template("error.html").render({"lang": lang, "w": WORDS[lang], "message": message})
