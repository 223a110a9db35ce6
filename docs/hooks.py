"""MkDocs hooks: generate the reference pages and the overview diagrams from the code and data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import leraarroutes as lr
from leraarroutes import cli, diagrams
from leraarroutes.rules import describe

DOCS = Path(__file__).parent
AS_OF = dt.date(2024, 1, 1)


def _cli_reference() -> str:
    parser = cli.build_parser()
    lines = [
        "# Command line",
        "",
        "Generated from the command line itself.",
        "",
        "```text",
        parser.format_help().rstrip(),
        "```",
        "",
    ]
    for action in parser._subparsers._group_actions:  # argparse has no public accessor for subcommands
        for name, sub in sorted(action.choices.items()):
            lines += [f"## `leraarroutes {name}`", "", "```text", sub.format_help().rstrip(), "```", ""]
    return "\n".join(lines)


def _catalogue_reference() -> str:
    catalogue = lr.load_catalogue()
    lines = [
        "# Catalogue",
        "",
        "Generated from the shipped data: every programme with its entry rule, duration,",
        "providers and sources.",
        "",
    ]
    for sector, title in (("po", "Primair onderwijs"), ("vo", "Voortgezet onderwijs"), ("mbo", "Mbo")):
        lines += [f"## {title}", ""]
        for p in sorted((p for p in catalogue.programmes if p.sector.value == sector), key=lambda p: p.id):
            lines += [f"### {p.name}", "", f"- id: `{p.id}`, kind: `{p.kind.value}`, level: {p.level.value}"]
            if p.ec is not None:
                lines.append(f"- EC: {p.ec}")
            for d in p.durations:
                span = f"{d.months}" if d.months_max is None else f"{d.months}-{d.months_max}"
                lines.append(f"- {d.form.value}: {span} months")
            if p.subjects:
                lines.append(f"- subjects: {', '.join(p.subjects)}")
            lines.append(f"- toelating: {describe(p.entry)}")
            if p.grants.qualifications:
                lines.append(f"- grants: {', '.join(str(q) for q in p.grants.qualifications)}")
            if p.providers:
                lines.append(f"- providers: {', '.join(p.providers)}")
            if p.valid_from or p.valid_until:
                lines.append(f"- valid: {p.valid_from or '…'} to {p.valid_until or '…'}")
            lines += [f"- source: <{s.url}>" if s.url else f"- source: {s.title}" for s in p.sources]
            lines += [f"- **unconfirmed**: {u}" for u in p.unconfirmed]
            lines.append("")
    return "\n".join(lines)


def on_pre_build(config: Any) -> None:  # noqa: ANN401 - MkDocs' config object
    """Write the generated pages and render the diagrams before MkDocs reads the docs folder."""
    _ = config
    (DOCS / "reference" / "cli.md").write_text(_cli_reference(), encoding="utf-8")
    (DOCS / "reference" / "catalogue.md").write_text(_catalogue_reference(), encoding="utf-8")
    images = DOCS / "images"
    images.mkdir(exist_ok=True)
    catalogue = lr.load_catalogue()
    for name in ("academische-po-routes", "academische-vo-routes"):
        diagrams.render(diagrams.to_digraph(catalogue, name, as_of=AS_OF), images / f"{name}.svg")
    profile = lr.load_profile(DOCS.parent / "examples/profiles/carriereswitcher.yaml")
    graph = diagrams.personal_digraph(catalogue, profile, "eerstegraads:biologie", as_of=AS_OF)
    diagrams.render(graph, images / "sanne.svg")
