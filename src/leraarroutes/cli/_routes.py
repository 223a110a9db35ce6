"""Route commands of the CLI (internal): ``routes``, ``explain``, ``degree``, ``diagram`` and ``batch``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from leraarroutes import _files
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.loading import atomic_writer, load_catalogue, load_profile, refuse_inputs
from leraarroutes.catalogue.offers import PROVINCES, Where, place_point
from leraarroutes.cli._arguments import date_argument, positive_argument, target_argument
from leraarroutes.cli._groups import groups_text
from leraarroutes.cli._options import extra_option, format_option, language_option
from leraarroutes.cli._words import FRAME, HELP
from leraarroutes.engine.explain import explain
from leraarroutes.engine.groups import group_routes
from leraarroutes.engine.report import dropped_routes, explanation_report, routes_report, versions
from leraarroutes.engine.routes import SCHOOL_TARGETS, Blocked, Route, SortKey, find_routes
from leraarroutes.errors import InputError
from leraarroutes.model.education import Diploma, Level, Study
from leraarroutes.model.profile import Profile
from leraarroutes.register import load_register

_T = {
    "nl": {
        "route": "Route",
        "open": "open",
        "conditional": "voorwaardelijk",
        "months": "maanden",
        "cost": "kosten voor jou",
        "unknown": "onbekend",
        "providers": "aanbieders",
        "admitted": "toegelaten",
        "condition": "voorwaarde",
        "exemption": "vrijstelling",
        "source": "bron",
        "none": "Geen routes gevonden.",
        "blocked": "Niet toegankelijk",
        "would_open": "zou openen",
        "estimated": "geschat uit EC",
        "figures": "onbekend in de bronnen",
        "as_of": "peildatum",
        "offers": "waar",
        "more": "meer",
        "page_says": "vakken niet per vak bevestigd; zie de pagina",
        "no_place": "niet per plaats bekend",
        "cost_basis": "kosten",
        "filter": "filter",
        "dropped": "routes vielen af omdat een stap daar niet gegeven wordt",
        "you": "vooropleiding",
        "no_form": "geen {form}",
        "form": "studievorm",
        "grant_note": "let op",
        "no_bachelor": (
            "let op: je gaf een master op maar geen bachelor; routes die naar de bachelor kijken (educatieve"
            " minor, module en masters) rekenen hem als ontbrekend: geef hem op met de opleiding"
        ),
    },
    "en": {
        "route": "Route",
        "open": "open",
        "conditional": "conditional",
        "months": "months",
        "cost": "cost to you",
        "unknown": "unknown",
        "providers": "providers",
        "admitted": "admitted",
        "condition": "condition",
        "exemption": "exemption",
        "source": "source",
        "none": "No routes found.",
        "blocked": "Not open",
        "would_open": "would open",
        "estimated": "estimated from EC",
        "figures": "not in the sources",
        "as_of": "as of",
        "offers": "where",
        "more": "more",
        "page_says": "subjects not confirmed one by one; see the page",
        "no_place": "not known per place",
        "cost_basis": "cost",
        "filter": "filter",
        "dropped": "routes dropped because a step is not given there",
        "you": "prior education",
        "no_form": "no {form}",
        "form": "study form",
        "grant_note": "note",
        "no_bachelor": (
            "note: you gave a master but no bachelor; routes that look at the bachelor (educatieve minor,"
            " module and masters) count it as missing: add it with its programme"
        ),
    },
}


_FORM_WHY = {
    "opgegeven": "given in the profile",
    "je hebt een baan": "you have a job",
    "geen baan opgegeven": "no job given",
    "gevraagd": "asked for",
}
"""Why a study form was chosen, in English (the profile says it in Dutch)."""


MAX_OFFERS_SHOWN = 6
"""Offerings listed per step in the text output; the JSON report has them all."""


def _offers_line(step: Any, where: Where | None, lang: str) -> str:  # noqa: ANN401 - a Step
    t = _T[lang]
    subject = step.programme.partition("/")[2] or None
    parts = []
    offers = list(step.offers)
    near = None if where is None else where.near
    if near is not None:
        offers.sort(key=lambda o: o.distance_km(*near) or 0.0)
    for o in offers[:MAX_OFFERS_SHOWN]:
        text = o.place()
        if near is not None and (km := o.distance_km(*near)) is not None:
            text += f" ({km:.0f} km)"
        if o.gives(subject) is not True:
            text += "*"
        parts.append(text)
    line = "; ".join(parts)
    if len(offers) > MAX_OFFERS_SHOWN:
        line += f" (+{len(offers) - MAX_OFFERS_SHOWN} {t['more']})"
    if any(o.gives(subject) is not True for o in offers[:MAX_OFFERS_SHOWN]):
        line += f" (* {t['page_says']})"
    return line


def _total(value: str | None, unknown: int, unit: str, lang: str) -> str:
    """A total for people: "48 maanden", "minstens 24 maanden (1 stap onbekend)", "EC onbekend"."""
    nl = lang == "nl"
    if value is None:
        return f"{unit} onbekend" if nl else f"{unit} unknown"
    if not unknown:
        return f"{value} {unit}"
    steps = (
        (f"{unknown} stap" if unknown == 1 else f"{unknown} stappen") if nl else f"{unknown} step{'s' * (unknown != 1)}"
    )
    return f"minstens {value} {unit} ({steps} onbekend)" if nl else f"at least {value} {unit} ({steps} unknown)"


def _step_months(step: Any, asked: str | None, lang: str) -> str:  # noqa: ANN401 - a Step
    """A step's months in its form: "24-48 maanden deeltijd", "12 maanden voltijd (geen deeltijd)"."""
    t = _T[lang]
    span = f"{step.months}-{step.months_max}" if step.months_max else f"{step.months}"
    text = f"{span} {t['months']}" + (f" {step.form}" if step.form else "")
    if asked and step.form and step.form != asked:
        text += f" ({t['no_form'].format(form=asked)})"
    return text


def profile_text(catalogue: Catalogue, profile: Profile, lang: str = "nl") -> list[str]:
    """One line per diploma or study: which programme of the degree register it is."""
    t = _T[lang]
    lines = []
    degrees: tuple[Diploma | Study, ...] = (*profile.diplomas, *profile.studying)
    for degree in degrees:
        label = degree.level.value + (f" {degree.programme}" if degree.programme else "")
        if degree.programme is None and degree.croho is None:
            lines.append(f"{t['you']}: {label}")
            continue
        lines.append(f"{t['you']}: {label} - {catalogue.identify(degree).text(lang)}")
    if profile.bachelor_not_given:
        lines.append(t["no_bachelor"])
    return lines


def answer_head(
    as_of: dt.date,
    lang: str = "nl",
    *,
    where: Where | None = None,
    dropped: int = 0,
    header: list[str] | None = None,
    form: tuple[str, str] | None = None,
) -> list[str]:
    """The lines above an answer: the date, the person, the study form and why, any filter."""
    t = _T[lang]
    lines = [f"{t['as_of']}: {as_of.isoformat()}", *(header or [])]
    if form is not None:
        why = form[1] if lang == "nl" else _FORM_WHY.get(form[1], form[1])
        lines.append(f"{t['form']}: {form[0]} ({why})")
    if where is not None and where.active:
        lines.append(f"{t['filter']}: {where.describe(lang)}; {dropped} {t['dropped']}")
    return lines


def routes_text(  # noqa: C901 - one line per kind of fact a step has
    routes: tuple[Route, ...],
    as_of: dt.date,
    lang: str = "nl",
    *,
    where: Where | None = None,
    dropped: int = 0,
    header: list[str] | None = None,
    form: tuple[str, str] | None = None,
) -> str:
    """Routes for people: one block per route with its steps, Dutch by default."""
    t = _T[lang]
    lines = [*answer_head(as_of, lang, where=where, dropped=dropped, header=header, form=form), ""]
    if not routes:
        lines.append(t["none"])
    for i, r in enumerate(routes, 1):
        cost = t["unknown"] if r.cost_eur is None else f"€ {r.cost_eur:,}".replace(",", ".")
        span = f"{r.months}-{r.months_max}" if r.months_max else f"{r.months}"
        months = _total(span if r.months is not None else None, r.months_unknown, t["months"], lang)
        ec = _total(None if r.ec is None else str(r.ec), r.ec_unknown, "EC", lang)
        head = f"{t['route']} {i}: {r.qualification} ({t[r.status]})"
        lines.append(f"{head} - {months}, {ec}, {t['cost']}: {cost}")
        for j, s in enumerate(r.steps, 1):
            name = s.name_en if lang == "en" and s.name_en else s.name
            figures = ", ".join(
                x
                for x in (
                    ""
                    if s.months is None
                    else _step_months(s, r.form, lang) + (f" ({t['estimated']})" if s.estimated else ""),
                    "" if s.ec is None else f"{s.ec} EC",
                )
                if x
            )
            lines.append(f"  {j}. {name} [{s.programme}]" + (f" - {figures}" if figures else ""))
            if s.offers:
                lines.append(f"     {t['offers']}: {_offers_line(s, where, lang)}")
            elif s.providers:
                lines.append(f"     {t['providers']}: {', '.join(s.providers)}")
                if where is not None and (where.province or where.near):
                    lines.append(f"     {t['offers']}: {t['no_place']}")
            if s.cost_basis is not None:
                lines.append(f"     {t['cost_basis']}: {s.cost_basis.text(lang)}")
            if s.exemption:
                lines.append(f"     {t['exemption']}: {s.exemption}")
            if note := s.grant_text(lang):
                lines.append(f"     {t['grant_note']}: {note}")
            lines.extend(f"     {t['condition']}: {c.text(lang)}" for c in s.conditions)
            lines.append(f"     {t['source']}: {s.sources[0]}")
        if r.unknown_figures:
            lines.append(f"  ({t['figures']}: {'; '.join(r.unknown_figures)})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def blocked_text(blocked: tuple[Blocked, ...], lang: str = "nl") -> str:
    """Blocked programmes for people, with the reasons and what would open each."""
    t = _T[lang]
    lines = [f"{t['blocked']}:"] if blocked else []
    for b in blocked:
        lines.append(f"  {b.programme} ({b.kind})")
        lines.extend(f"     - {r.text(lang)}" for r in b.reasons)
        if b.would_open:
            lines.append(f"     {t['would_open']}: {'; '.join(r.text(lang) for r in b.would_open)}")
    return "\n".join(lines) + ("\n" if lines else "")


def where_of(args: argparse.Namespace, catalogue: Catalogue) -> Where | None:
    """The filters of the command line, or None when none is given."""
    if not any((args.province, args.near, args.provider, args.form)):
        return None
    near = None if args.near is None else place_point(args.near, catalogue.provider_offerings)
    try:
        return Where(
            province=args.province,
            near=near,
            near_name=args.near,
            within_km=args.within_km,
            provider=args.provider,
            form=args.form,
        )
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _person(args: argparse.Namespace, catalogue: Catalogue) -> Profile:
    """The profile of ``--profile``, checked against the catalogue; a year after the question's date is warned of."""
    profile = load_profile(args.profile)
    catalogue.check_profile(profile, file=args.profile)
    for warning in future_years(profile, args.as_of or dt.date.today(), _files.display(args.profile), args.lang):
        print(f"leraarroutes: {FRAME[args.lang]['warning']}: {warning}", file=sys.stderr)
    return profile


def future_years(profile: Profile, as_of: dt.date, name: str, lang: str = "nl") -> list[str]:
    """A warning for each diploma obtained in a year after the question's date: a typing mistake, or a plan.

    >>> from leraarroutes import Diploma, Level
    >>> person = Profile(diplomas=(Diploma(level=Level.VWO, year=2031),))
    >>> future_years(person, dt.date(2026, 12, 1), "p.yaml", "en")
    ["p.yaml: diplomas[0] (vwo) obtained in 2031, after the question's date 2026-12-01: is the year right?"]
    """
    return [
        FRAME[lang]["future_diploma"].format(
            file=name, what=f"diplomas[{i}] ({d.level.value})", year=d.year, day=as_of.isoformat()
        )
        for i, d in enumerate(profile.diplomas)
        if d.year is not None and d.year > as_of.year
    ]


def _cmd_routes(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(*args.extra)
    profile = _person(args, catalogue)
    as_of = args.as_of or dt.date.today()
    where = where_of(args, catalogue)
    default_form, why = profile.chosen_form()
    chosen: tuple[str, str] = (args.form, "gevraagd") if args.form else (default_form.value, why)
    if args.format == "json":
        report = routes_report(
            catalogue,
            profile,
            args.target,
            as_of=as_of,
            lang=args.lang,
            form=chosen[0],
            where=where,
            sort=args.sort,
            pareto=args.pareto,
            limit=args.limit,
            everything=args.all,
        )
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return 0
    options = {"as_of": as_of, "sort": args.sort, "pareto": args.pareto, "lang": args.lang, "form": chosen[0]}
    routes = find_routes(catalogue, profile, args.target, limit=args.limit, where=where, **options)
    dropped = 0
    if where is not None:
        kept = routes if args.limit is None else None
        dropped = dropped_routes(catalogue, profile, args.target, where, kept=kept, **options)
    school = args.target in SCHOOL_TARGETS  # "vmbo", "havo-bovenbouw": many qualifications
    # "what can I become?": without a target (or for a school type) the answer is grouped per qualification
    groups = None
    if args.target is None or school:
        groups = group_routes(catalogue, routes, as_of=as_of, per_qualification=None if args.all else 3)
    header = profile_text(catalogue, profile, args.lang)
    if groups is not None and not args.all:
        head = answer_head(as_of, args.lang, where=where, dropped=dropped, header=header, form=chosen)
        text = "\n".join([*head, "", *groups_text(groups, args.lang)]).rstrip() + "\n"
    else:
        text = routes_text(routes, as_of, args.lang, where=where, dropped=dropped, header=header, form=chosen)
    sys.stdout.write(text)
    return 0


def _cmd_degree(args: argparse.Namespace) -> int:
    register = load_register()
    found = register.find(args.query, level=args.level, limit=args.limit)
    if args.format == "json":
        degrees = [
            {
                "croho": d.croho,
                "name": d.name,
                "level": d.level.value,
                "sector": d.sector,
                "ec": d.ec,
                "institutions": list(d.institutions),
                "origin": d.origin,
            }
            for d in found
        ]
        # the register ships with the catalogue: the same versions as the web API's /degrees
        payload = {**versions(load_catalogue()), "degrees": degrees}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not found:
        sys.stdout.write("Geen opleiding gevonden.\n" if args.lang == "nl" else "No programme found.\n")
        return 1
    for d in found:
        sys.stdout.write(d.describe(args.lang) + "\n")
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(*args.extra)
    profile = _person(args, catalogue)
    as_of = args.as_of or dt.date.today()
    blocked = explain(catalogue, profile, args.target, as_of=as_of)
    if args.format == "json":
        payload = explanation_report(catalogue, profile, args.target, as_of=as_of, lang=args.lang)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        note = _T[args.lang]["no_bachelor"] + "\n\n" if profile.bachelor_not_given else ""
        sys.stdout.write(note + (blocked_text(blocked, args.lang) or "-\n"))
    return 0


def _common(p: argparse.ArgumentParser, lang: str) -> None:
    h = HELP[lang]
    p.add_argument("--profile", required=True, metavar="FILE", help=h["profile"])
    p.add_argument("--as-of", type=date_argument(lang), default=None, metavar="DATE", help=h["as_of"])
    format_option(p, lang)
    language_option(p, lang)
    extra_option(p, lang)


def _filters(p: argparse.ArgumentParser, lang: str) -> None:
    h = HELP[lang]
    p.add_argument("--province", choices=PROVINCES, default=None, help=h["province"])
    p.add_argument("--near", default=None, metavar="PLACE", help=h["near"])
    p.add_argument("--within-km", type=float, default=30.0, metavar="KM", help=h["within_km"])
    p.add_argument("--provider", default=None, metavar="NAME", help=h["provider"])
    p.add_argument("--form", choices=("voltijd", "deeltijd", "duaal"), default=None, help=h["form"])


def _cmd_advice(args: argparse.Namespace) -> int:
    from leraarroutes.diagrams.sheet import advice_html, html_to_pdf  # noqa: PLC0415 - graphviz only here

    catalogue = load_catalogue(*args.extra)
    profile = _person(args, catalogue)
    suffix = _output_format(args.output, args.to, default="html")
    if suffix not in ("html", "pdf"):
        raise InputError(f"advies writes .html or .pdf, not .{suffix}", file=args.output)
    as_of = args.as_of or dt.date.today()
    page = advice_html(catalogue, profile, args.target, as_of=as_of, lang=args.lang, where=where_of(args, catalogue))
    data = page.encode("utf-8") if suffix == "html" else html_to_pdf(page)
    with atomic_writer(args.output, inputs=[args.profile, *args.extra]) as out:
        out.write(data)
    return 0


def _personal_drawing(
    args: argparse.Namespace, catalogue: Catalogue, as_of: dt.date, *, mermaid: bool
) -> tuple[str, Any]:
    """``diagram persoonlijk``: the person's map as Mermaid text or as a graphviz drawing."""
    from leraarroutes import diagrams  # noqa: PLC0415 - graphviz is imported only for diagrams

    if args.profile is None:
        raise InputError("diagram persoonlijk needs --profile FILE")
    profile = _person(args, catalogue)
    if mermaid:
        return diagrams.personal_mermaid(catalogue, profile, args.target, as_of=as_of, lang=args.lang), None
    graph = diagrams.personal_digraph(
        catalogue,
        profile,
        args.target,
        as_of=as_of,
        lang=args.lang,
        limit=args.limit,
        page=args.page,
        dpi=args.dpi,
    )
    return "", graph


def _cmd_diagram(args: argparse.Namespace) -> int:
    from leraarroutes import diagrams  # noqa: PLC0415 - graphviz is imported only for diagrams

    inputs = [*args.extra, *([args.profile] if args.profile else [])]
    if args.output not in (None, "-"):  # before any work: the output must not be one of the inputs
        refuse_inputs(Path(args.output), inputs)
    catalogue = load_catalogue(*args.extra)
    as_of = args.as_of or dt.date.today()
    suffix = _output_format(args.output, args.to, default="dot")
    pages: tuple[Any, ...] = ()
    if args.name == "persoonlijk":
        text, graph = _personal_drawing(args, catalogue, as_of, mermaid=suffix == "mmd")
    elif suffix == "mmd":
        text = diagrams.overview_mermaid(catalogue, args.name, as_of=as_of, lang=args.lang)
    else:
        graph = diagrams.to_digraph(catalogue, args.name, as_of=as_of, lang=args.lang, page=args.page, dpi=args.dpi)
        if suffix == "pdf":  # printed: an overview too large for one page gets one page per sector
            pages = diagrams.overview_pages(catalogue, args.name, as_of=as_of, lang=args.lang, page=args.page)
    data = text.encode("utf-8") if suffix == "mmd" else diagrams.render_bytes(pages or graph, suffix, file=args.output)
    with atomic_writer(args.output or "-", inputs=inputs) as out:
        out.write(data)
    return 0


def _output_format(output: str | None, asked: str | None, *, default: str) -> str:
    """The format to write: ``--to``, else the output's suffix, else ``default`` (for standard output)."""
    if output is None or output == "-":
        return asked or default
    suffix = Path(output).suffix.lstrip(".").lower()
    if asked is not None and suffix and asked != suffix:
        raise InputError(f"--to {asked} does not match the suffix .{suffix}", file=output)
    return asked or suffix or default


_PROGRESS_EVERY = 1000
"""Batch progress is shown on stderr every this many profiles."""


def _cmd_batch(args: argparse.Namespace) -> int:
    from leraarroutes.engine import batch  # noqa: PLC0415

    catalogue = load_catalogue(*args.extra)
    as_of = args.as_of or dt.date.today()
    out_name = _files.display(args.output)
    count = 0
    where = where_of(args, catalogue)
    with atomic_writer(args.output, inputs=[args.profiles, *args.extra]) as handle:
        rows = batch.read_profiles(args.profiles)
        head = batch.header(catalogue, args.target, as_of=as_of, where=where)
        handle.write((json.dumps(head, ensure_ascii=False) + "\n").encode("utf-8"))
        options: dict[str, Any] = {"as_of": as_of, "dedupe": not args.no_dedupe, "where": where}
        if args.jobs > 1:  # worker processes, each with its own catalogue; the lines keep their order
            lines = batch.evaluate_jsonl_parallel(args.extra, rows, args.target, jobs=args.jobs, **options)
        else:
            lines = batch.evaluate_jsonl(catalogue, rows, args.target, **options)
        try:
            for line in lines:
                handle.write(line.encode("utf-8"))
                count += 1
                if not args.quiet and count % _PROGRESS_EVERY == 0:
                    sys.stderr.write("\r" + FRAME[args.lang]["profiles"].format(count=f"{count:,}"))
        except BaseException:
            if not args.quiet and count >= _PROGRESS_EVERY:  # the message that follows starts on its own line
                sys.stderr.write("\n")
            raise
    if not args.quiet:
        done = FRAME[args.lang]["profiles_done"].format(count=f"{count:,}", name=out_name)
        sys.stderr.write(f"\r{done}\n")
    return 0


def _diagram_parser(sub: Any, lang: str) -> None:  # noqa: ANN401 - argparse's private type
    from leraarroutes.diagrams.styles import PAGES  # noqa: PLC0415 - the names only, without graphviz
    from leraarroutes.diagrams.words import OVERVIEWS  # noqa: PLC0415

    h = HELP[lang]
    p = sub.add_parser("diagram", help=h["diagram"], description=h["diagram"])
    p.add_argument("name", choices=[*OVERVIEWS, "persoonlijk"], help=h["diagram_name"])
    p.add_argument("-o", "--output", default=None, metavar="FILE", help=h["diagram_output"])
    p.add_argument("--to", choices=("svg", "png", "pdf", "dot", "mmd"), default=None, help=h["diagram_to"])
    p.add_argument("--profile", default=None, metavar="FILE", help=h["diagram_profile"])
    p.add_argument("--target", type=target_argument(lang), default=None, help=h["diagram_target"])
    p.add_argument("--limit", type=positive_argument(lang), default=12, metavar="N", help=h["diagram_limit"])
    p.add_argument("--page", choices=tuple(PAGES), default="a4", help=h["page"])
    p.add_argument("--dpi", type=positive_argument(lang), default=96, metavar="N", help=h["dpi"])
    p.add_argument("--as-of", type=date_argument(lang), default=None, metavar="DATE", help=h["as_of"])
    language_option(p, lang)
    extra_option(p, lang)
    p.set_defaults(func=_cmd_diagram)


def register(sub: Any, lang: str = "nl") -> None:  # noqa: ANN401 - argparse's private type
    """Add the route commands to the CLI's subparsers, their help in ``lang``."""
    h = HELP[lang]
    target = target_argument(lang)
    p = sub.add_parser("batch", help=h["batch"], description=h["batch"])
    p.add_argument("profiles", metavar="PROFILES", help=h["profiles"])
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=h["batch_output"])
    p.add_argument("--target", type=target, default=None, help=h["batch_target"])
    p.add_argument("--as-of", type=date_argument(lang), default=None, metavar="DATE", help=h["as_of"])
    p.add_argument("--no-dedupe", action="store_true", help=h["no_dedupe"])
    p.add_argument("--jobs", type=positive_argument(lang), default=1, metavar="N", help=h["jobs"])
    p.add_argument("--quiet", action="store_true", help=h["quiet"])
    language_option(p, lang)
    extra_option(p, lang)
    _filters(p, lang)
    p.set_defaults(func=_cmd_batch)

    _diagram_parser(sub, lang)

    p = sub.add_parser("advies", help=h["advies"], description=h["advies"])
    p.add_argument("--profile", required=True, metavar="FILE", help=h["profile"])
    p.add_argument("--target", type=target, default=None, help=h["advies_target"])
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=h["advies_output"])
    p.add_argument("--to", choices=("html", "pdf"), default=None, help=h["advies_to"])
    p.add_argument("--as-of", type=date_argument(lang), default=None, metavar="DATE", help=h["as_of"])
    language_option(p, lang)
    extra_option(p, lang)
    _filters(p, lang)
    p.set_defaults(func=_cmd_advice)

    p = sub.add_parser("routes", help=h["routes"], description=h["routes"])
    _common(p, lang)
    p.add_argument("--target", type=target, default=None, help=h["target"])
    p.add_argument("--sort", choices=[k.value for k in SortKey], default="months", help=h["sort"])
    p.add_argument("--pareto", action="store_true", help=h["pareto"])
    p.add_argument("--limit", type=positive_argument(lang), default=None, metavar="N", help=h["limit"])
    p.add_argument("--all", action="store_true", help=h["all"])
    _filters(p, lang)
    p.set_defaults(func=_cmd_routes)

    p = sub.add_parser("degree", help=h["degree"], description=h["degree"])
    p.add_argument("query", help=h["query"])
    p.add_argument("--level", choices=[lv.value for lv in Level], default=None, help=h["level"])
    p.add_argument("--limit", type=positive_argument(lang), default=10, metavar="N", help=h["degree_limit"])
    format_option(p, lang)
    language_option(p, lang)
    p.set_defaults(func=_cmd_degree)

    p = sub.add_parser("explain", help=h["explain"], description=h["explain"])
    _common(p, lang)
    p.add_argument("--target", type=target, required=True, help=h["explain_target"])
    p.set_defaults(func=_cmd_explain)
