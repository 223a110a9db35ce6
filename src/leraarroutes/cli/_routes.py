"""Route commands of the CLI (internal): ``routes`` and ``explain``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from leraarroutes.catalogue.loading import load_catalogue, load_profile, save_text
from leraarroutes.engine.routes import Blocked, Route, SortKey, explain, find_routes
from leraarroutes.errors import InputError

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
    },
}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def routes_text(routes: tuple[Route, ...], as_of: dt.date, lang: str = "nl") -> str:
    """Routes for people: one block per route with its steps, Dutch by default."""
    t = _T[lang]
    lines = [f"{t['as_of']}: {as_of.isoformat()}", ""]
    if not routes:
        lines.append(t["none"])
    for i, r in enumerate(routes, 1):
        cost = t["unknown"] if r.cost_eur is None else f"€ {r.cost_eur:,}".replace(",", ".")
        # "+" marks a total that leaves out steps whose figure no source gives
        months = f"{r.months}{'+' if any(s.months is None for s in r.steps) else ''}"
        ec = f"{r.ec}{'+' if any(s.ec is None for s in r.steps) else ''}"
        head = f"{t['route']} {i}: {r.qualification} ({t[r.status]})"
        lines.append(f"{head} - {months} {t['months']}, {ec} EC, {t['cost']}: {cost}")
        for j, s in enumerate(r.steps, 1):
            name = s.name_en if lang == "en" and s.name_en else s.name
            figures = ", ".join(
                x
                for x in (
                    ""
                    if s.months is None
                    else f"{s.months} {t['months']}" + (f" ({t['estimated']})" if s.estimated else ""),
                    "" if s.ec is None else f"{s.ec} EC",
                )
                if x
            )
            lines.append(f"  {j}. {name} [{s.programme}]" + (f" - {figures}" if figures else ""))
            if s.providers:
                lines.append(f"     {t['providers']}: {', '.join(s.providers)}")
            if s.exemption:
                lines.append(f"     {t['exemption']}: {s.exemption}")
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


def report_json(
    routes: tuple[Route, ...], blocked: tuple[Blocked, ...], as_of: dt.date, lang: str = "nl"
) -> dict[str, Any]:
    """The documented JSON report of a route query."""
    return {
        "as_of": as_of.isoformat(),
        "routes": [r.to_json(lang) for r in routes],
        "blocked": [b.to_json(lang) for b in blocked],
    }


def _cmd_routes(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(*args.extra)
    profile = load_profile(args.profile)
    catalogue.check_profile(profile, file=args.profile)
    as_of = args.as_of or dt.date.today()
    routes = find_routes(
        catalogue,
        profile,
        args.target,
        as_of=as_of,
        sort=args.sort,
        pareto=args.pareto,
        limit=args.limit,
        lang=args.lang,
    )
    blocked = explain(catalogue, profile, args.target, as_of=as_of) if args.target else ()
    if args.format == "json":
        sys.stdout.write(
            json.dumps(report_json(routes, blocked, as_of, args.lang), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        sys.stdout.write(routes_text(routes, as_of, args.lang))
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(*args.extra)
    profile = load_profile(args.profile)
    catalogue.check_profile(profile, file=args.profile)
    as_of = args.as_of or dt.date.today()
    blocked = explain(catalogue, profile, args.target, as_of=as_of)
    if args.format == "json":
        payload = {
            "as_of": as_of.isoformat(),
            "target": args.target,
            "blocked": [b.to_json(args.lang) for b in blocked],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(blocked_text(blocked, args.lang) or "-\n")
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", required=True, metavar="FILE", help="profile file (YAML, JSON or TOML)")
    p.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="DATE",
        help="date of the question (default: today)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.add_argument("--extra", nargs="*", default=[], metavar="FILE", help="extra catalogue files")


def _cmd_diagram(args: argparse.Namespace) -> int:
    from leraarroutes import diagrams  # noqa: PLC0415 - graphviz is imported only for diagrams

    catalogue = load_catalogue(*args.extra)
    as_of = args.as_of or dt.date.today()
    suffix = "dot" if args.output is None else args.output.rsplit(".", 1)[-1].lower()
    if args.name == "persoonlijk":
        if args.profile is None:
            raise InputError("diagram persoonlijk needs --profile FILE")
        profile = load_profile(args.profile)
        catalogue.check_profile(profile, file=args.profile)
        if suffix == "mmd":
            text = diagrams.personal_mermaid(catalogue, profile, args.target, as_of=as_of, lang=args.lang)
        else:
            graph = diagrams.personal_digraph(catalogue, profile, args.target, as_of=as_of, lang=args.lang)
    elif suffix == "mmd":
        text = diagrams.overview_mermaid(catalogue, args.name, as_of=as_of, lang=args.lang)
    else:
        graph = diagrams.to_digraph(catalogue, args.name, as_of=as_of, lang=args.lang)
    if suffix == "mmd":
        if args.output is None:  # pragma: no cover - suffix comes from the output name
            sys.stdout.write(text)
        else:
            save_text(args.output, text, inputs=[*args.extra, *([args.profile] if args.profile else [])])
        return 0
    if args.output is None:
        sys.stdout.write(graph.source)
        return 0
    for source in [*args.extra, *([args.profile] if args.profile else [])]:
        if Path(source).resolve() == Path(args.output).resolve():
            raise InputError("refusing to write over an input file", file=args.output)
    diagrams.render(graph, args.output)
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from leraarroutes.engine import batch  # noqa: PLC0415

    catalogue = load_catalogue(*args.extra)
    as_of = args.as_of or dt.date.today()
    out_path = Path(args.output)
    if Path(args.profiles).resolve() == out_path.resolve():
        raise InputError("refusing to write over an input file", file=args.output)
    tmp = out_path.with_name(f".{out_path.name}.tmp")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            rows = batch.read_profiles(args.profiles)
            for line in batch.evaluate_jsonl(catalogue, rows, args.target, as_of=as_of, dedupe=not args.no_dedupe):
                handle.write(line)
                count += 1
                if not args.quiet and count % 1000 == 0:
                    sys.stderr.write(f"\r{count:,} profielen")
        tmp.replace(out_path)
    finally:
        tmp.unlink(missing_ok=True)
    if not args.quiet:
        sys.stderr.write(f"\r{count:,} profielen klaar -> {out_path}\n")
    return 0


def register(sub: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the route commands to the CLI's subparsers."""
    p = sub.add_parser("batch", help="routes for every profile in a CSV, JSON Lines or Parquet file")
    p.add_argument(
        "profiles",
        metavar="PROFILES",
        help="profiles.csv, profiles.jsonl or profiles.parquet (needs the parquet extra)",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="routes.jsonl (replaced atomically)")
    p.add_argument("--target", default=None)
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    p.add_argument("--no-dedupe", action="store_true", help="evaluate equal profiles again")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--extra", nargs="*", default=[], metavar="FILE", help="extra catalogue files")
    p.set_defaults(func=_cmd_batch)

    from leraarroutes.diagrams import OVERVIEWS  # noqa: PLC0415 - the names only

    p = sub.add_parser("diagram", help="draw a route overview or a personal route map")
    p.add_argument("name", choices=[*OVERVIEWS, "persoonlijk"])
    p.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE",
        help="FILE.svg, .png, .pdf, .dot or .mmd (default: DOT on stdout)",
    )
    p.add_argument("--profile", default=None, metavar="FILE", help="profile file, for persoonlijk")
    p.add_argument("--target", default=None, help="qualification, for persoonlijk")
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.add_argument("--extra", nargs="*", default=[], metavar="FILE", help="extra catalogue files")
    p.set_defaults(func=_cmd_diagram)

    p = sub.add_parser("routes", help="every route from a profile to a qualification")
    _common(p)
    p.add_argument("--target", default=None, help="qualification, such as eerstegraads:natuurkunde")
    p.add_argument("--sort", choices=[k.value for k in SortKey], default="months")
    p.add_argument("--pareto", action="store_true", help="only routes no other route beats on every figure")
    p.add_argument("--limit", type=int, default=None, help="at most this many routes")
    p.set_defaults(func=_cmd_routes)

    p = sub.add_parser("explain", help="why programmes towards a target are closed, and what would open them")
    _common(p)
    p.add_argument("--target", required=True, help="qualification, such as eerstegraads:natuurkunde")
    p.set_defaults(func=_cmd_explain)
