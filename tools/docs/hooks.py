"""MkDocs hooks: the reference pages, the overview diagrams and the JSON Schemas, made from the code and data.

They are added to the site as generated files: nothing is written into ``docs/``, and this
module lives outside the published tree.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

import leraarroutes as lr
from leraarroutes import cli, diagrams
from leraarroutes.catalogue.schema import SCHEMAS, json_schema, schema_path
from leraarroutes.engine.report import report_schema
from leraarroutes.rules import describe

DOCS = Path(__file__).resolve().parents[2] / "docs"
AS_OF = dt.date(2024, 1, 1)


def _cli_reference() -> str:
    parser = cli.build_parser("en")  # the docs are in English
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


def _generated() -> dict[str, str | bytes]:
    """Every generated file of the site, by its path in the site."""
    catalogue = lr.load_catalogue()
    files: dict[str, str | bytes] = {
        "reference/cli.md": _cli_reference(),
        "reference/catalogue.md": _catalogue_reference(),
        "changelog.md": (DOCS.parent / "CHANGELOG.md").read_text(encoding="utf-8"),
    }
    for name in ("academische-po-routes", "academische-vo-routes"):
        graph = diagrams.to_digraph(catalogue, name, as_of=AS_OF)
        files[f"images/{name}.svg"] = diagrams.to_svg(graph)
    profile = lr.load_profile(DOCS.parent / "examples/profiles/carriereswitcher.yaml")
    graph = diagrams.personal_digraph(catalogue, profile, "eerstegraads:biologie", as_of=AS_OF)
    files["images/sanne.svg"] = diagrams.to_svg(graph)
    schemas = {**{name: json_schema(name) for name in SCHEMAS}, "routes-report": report_schema()}
    for name, schema in schemas.items():
        files[schema_path(name)] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return files


def on_files(files: Files, config: Any) -> Files:  # noqa: ANN401 - MkDocs' config object
    """Add the generated pages, diagrams and schemas to the files MkDocs builds."""
    for path, content in _generated().items():
        files.append(File.generated(config, path, content=content))
    return files
