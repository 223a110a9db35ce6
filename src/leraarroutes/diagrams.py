"""Diagrams: schematic route overviews from the catalogue, and one person's route map.

:func:`to_digraph` and :func:`personal_digraph` are pure: they return a ``graphviz.Digraph`` whose
DOT source is deterministic. :func:`render` writes SVG, PNG or PDF through Graphviz's ``dot``
(``.dot`` needs no Graphviz). :func:`to_mermaid` gives the same graphs as Mermaid text.
Every label goes through graphviz's own escaping: no input text can inject DOT or SVG markup.

>>> from leraarroutes import load_catalogue
>>> dot = to_digraph(load_catalogue(), "academische-po-routes", as_of=dt.date(2024, 1, 1))
>>> "EMPO" in dot.source and "legenda" in dot.source
True
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import graphviz
from attrs import frozen

from leraarroutes import _validate
from leraarroutes._graph import programme_graph
from leraarroutes.catalogue import Catalogue
from leraarroutes.education import Level
from leraarroutes.errors import InputError, LeraarroutesError, UnknownNameError
from leraarroutes.ids import offering_subject
from leraarroutes.loading import write_atomically
from leraarroutes.profile import Profile
from leraarroutes.programmes import Programme, ProgrammeKind, ProgrammeLevel
from leraarroutes.qualifications import QualificationKind
from leraarroutes.routes import explain, find_routes
from leraarroutes.rules import HasDiploma, HasJob, HoldsQualification, IsStudying

__all__ = [
    "KIND_LABELS",
    "OVERVIEWS",
    "GraphvizMissingError",
    "overview_mermaid",
    "personal_digraph",
    "personal_mermaid",
    "render",
    "to_digraph",
]

OVERVIEWS = (
    "academische-po-routes",
    "academische-vo-routes",
    "academische-routes",
    "po",
    "vo",
    "mbo",
    "alles",
)
"""The named overviews :func:`to_digraph` draws."""


class GraphvizMissingError(LeraarroutesError):
    """Graphviz's ``dot`` program is not installed; the message says how to install it.

    Only :func:`render` to svg, png or pdf needs ``dot``; DOT and Mermaid text never do.

    >>> issubclass(GraphvizMissingError, LeraarroutesError)
    True
    """


_WORDS = {
    "nl": {
        "start": "Vooropleiding",
        "qualifications": "Bevoegdheid",
        "legend": "Legenda",
        "po": "Primair onderwijs",
        "vo": "Voortgezet onderwijs",
        "mbo": "Mbo",
        "per_subject": "per vak ({n})",
        "months": "mnd",
        "job": "baan op een school",
        "you": "Jij",
        "blocked": "niet toegankelijk",
        "studying": "student {level}",
        "held": "al {q}",
    },
    "en": {
        "start": "Prior education",
        "qualifications": "Qualification",
        "legend": "Legend",
        "po": "Primary education",
        "vo": "Secondary education",
        "mbo": "Vocational (mbo)",
        "per_subject": "per subject ({n})",
        "months": "mo",
        "job": "a job at a school",
        "you": "You",
        "blocked": "not open",
        "studying": "{level} student",
        "held": "already {q}",
    },
}

KIND_LABELS: dict[str, dict[ProgrammeKind, str]] = {
    "nl": {
        ProgrammeKind.PABO: "pabo",
        ProgrammeKind.PABO_VERKORT: "verkorte pabo",
        ProgrammeKind.ACADEMISCHE_PABO: "academische pabo",
        ProgrammeKind.PWPO: "PWPO (wo-bachelor po)",
        ProgrammeKind.EMPO: "EMPO",
        ProgrammeKind.MPABO: "MPabo",
        ProgrammeKind.ZIJ_INSTROOM: "zij-instroom",
        ProgrammeKind.ACADEMISCHE_ZIJ_INSTROOM_PO: "academische zij-instroom po",
        ProgrammeKind.PREMASTER: "premaster",
        ProgrammeKind.SCHAKELPROGRAMMA: "schakelprogramma",
        ProgrammeKind.AD_PEP: "Ad PEP",
        ProgrammeKind.TWEEDEGRAADS_BACHELOR: "tweedegraads bachelor",
        ProgrammeKind.KOPOPLEIDING: "kopopleiding",
        ProgrammeKind.HBO_MASTER_LERAAR: "hbo-master leraar",
        ProgrammeKind.EDUCATIEVE_MINOR: "educatieve minor",
        ProgrammeKind.EDUCATIEVE_MODULE: "Educatieve Module",
        ProgrammeKind.EDUCATIEVE_MASTER_1JR: "eenjarige educatieve master",
        ProgrammeKind.EDUCATIEVE_MASTER_2JR: "tweejarige educatieve master",
        ProgrammeKind.TRAINEES_IN_ONDERWIJS: "traineeship",
        ProgrammeKind.DEFICIENTIEPROGRAMMA: "deficiëntieprogramma",
        ProgrammeKind.PDG_TRAJECT: "PDG-traject",
        ProgrammeKind.TOELATINGSTOETS: "toelatingstoets",
        ProgrammeKind.GESCHIKTHEIDSONDERZOEK: "geschiktheidsonderzoek",
        ProgrammeKind.ORIENTATIE: "oriëntatie",
        ProgrammeKind.MAATWERKTRAJECT: "maatwerktraject",
    },
    "en": {
        ProgrammeKind.PABO: "pabo (primary teacher education)",
        ProgrammeKind.PABO_VERKORT: "shortened pabo",
        ProgrammeKind.ACADEMISCHE_PABO: "academic pabo",
        ProgrammeKind.PWPO: "PWPO (university bachelor, primary)",
        ProgrammeKind.EMPO: "EMPO (educational master, primary)",
        ProgrammeKind.MPABO: "MPabo",
        ProgrammeKind.ZIJ_INSTROOM: "side entry",
        ProgrammeKind.ACADEMISCHE_ZIJ_INSTROOM_PO: "academic side entry, primary",
        ProgrammeKind.PREMASTER: "pre-master",
        ProgrammeKind.SCHAKELPROGRAMMA: "bridging programme",
        ProgrammeKind.AD_PEP: "associate degree PEP",
        ProgrammeKind.TWEEDEGRAADS_BACHELOR: "second-degree bachelor",
        ProgrammeKind.KOPOPLEIDING: "one-year course after a related bachelor",
        ProgrammeKind.HBO_MASTER_LERAAR: "hbo master of education",
        ProgrammeKind.EDUCATIEVE_MINOR: "educational minor",
        ProgrammeKind.EDUCATIEVE_MODULE: "educational module",
        ProgrammeKind.EDUCATIEVE_MASTER_1JR: "one-year educational master",
        ProgrammeKind.EDUCATIEVE_MASTER_2JR: "two-year educational master",
        ProgrammeKind.TRAINEES_IN_ONDERWIJS: "traineeship",
        ProgrammeKind.DEFICIENTIEPROGRAMMA: "deficiency courses",
        ProgrammeKind.PDG_TRAJECT: "PDG programme",
        ProgrammeKind.TOELATINGSTOETS: "entry test",
        ProgrammeKind.GESCHIKTHEIDSONDERZOEK: "suitability assessment",
        ProgrammeKind.ORIENTATIE: "orientation",
        ProgrammeKind.MAATWERKTRAJECT: "tailored programme",
    },
}
"""Display names of the programme kinds, in Dutch and English (legends and CLI)."""

_QUALIFICATION_LABELS = {
    "nl": {
        QualificationKind.PO: "bevoegdheid po",
        QualificationKind.BEPERKT_TWEEDEGRAADS: "beperkt tweedegraads (vak)",
        QualificationKind.TWEEDEGRAADS: "tweedegraads (vak)",
        QualificationKind.EERSTEGRAADS: "eerstegraads (vak)",
        QualificationKind.PDG: "PDG (mbo)",
    },
    "en": {
        QualificationKind.PO: "primary qualification",
        QualificationKind.BEPERKT_TWEEDEGRAADS: "limited second degree (subject)",
        QualificationKind.TWEEDEGRAADS: "second degree (subject)",
        QualificationKind.EERSTEGRAADS: "first degree (subject)",
        QualificationKind.PDG: "PDG (mbo)",
    },
}

# Starting situations, lowest first; a programme is drawn from the lowest one its rule names.
_STARTS: tuple[tuple[str, frozenset[Level], str, str], ...] = (
    ("start-vo-mbo", frozenset({Level.VMBO, Level.HAVO, Level.VWO, Level.MBO_2, Level.MBO_3, Level.MBO_4}),
     "havo / vwo / mbo-4", "havo / vwo / mbo-4"),
    ("start-ad", frozenset({Level.AD, Level.HBO_PROPEDEUSE}), "Ad / hbo-propedeuse", "Ad / hbo first year"),
    ("start-hbo", frozenset({Level.HBO_BACHELOR, Level.HBO_MASTER}), "hbo-bachelor", "hbo bachelor"),
    ("start-wo-bachelor", frozenset({Level.WO_BACHELOR}), "wo-bachelor", "wo bachelor"),
    ("start-wo-master", frozenset({Level.WO_MASTER, Level.PHD}), "wo-master / promotie", "wo master / PhD"),
)  # fmt: skip

# Colour and shape by programme kind: one hue per family, so the legend stays short.
_STYLE: dict[ProgrammeKind, tuple[str, str]] = {
    ProgrammeKind.PABO: ("#9ecae1", "box"),
    ProgrammeKind.PABO_VERKORT: ("#c6dbef", "box"),
    ProgrammeKind.ACADEMISCHE_PABO: ("#6baed6", "box"),
    ProgrammeKind.PWPO: ("#6baed6", "box"),
    ProgrammeKind.EMPO: ("#4292c6", "box"),
    ProgrammeKind.MPABO: ("#4292c6", "box"),
    ProgrammeKind.ZIJ_INSTROOM: ("#fdae6b", "box"),
    ProgrammeKind.ACADEMISCHE_ZIJ_INSTROOM_PO: ("#fd8d3c", "box"),
    ProgrammeKind.PREMASTER: ("#dadaeb", "box"),
    ProgrammeKind.SCHAKELPROGRAMMA: ("#dadaeb", "box"),
    ProgrammeKind.AD_PEP: ("#bcbddc", "box"),
    ProgrammeKind.TWEEDEGRAADS_BACHELOR: ("#a1d99b", "box"),
    ProgrammeKind.KOPOPLEIDING: ("#c7e9c0", "box"),
    ProgrammeKind.HBO_MASTER_LERAAR: ("#74c476", "box"),
    ProgrammeKind.EDUCATIEVE_MINOR: ("#fee391", "box"),
    ProgrammeKind.EDUCATIEVE_MODULE: ("#fec44f", "box"),
    ProgrammeKind.EDUCATIEVE_MASTER_1JR: ("#41ab5d", "box"),
    ProgrammeKind.EDUCATIEVE_MASTER_2JR: ("#238b45", "box"),
    ProgrammeKind.TRAINEES_IN_ONDERWIJS: ("#fdd0a2", "box"),
    ProgrammeKind.DEFICIENTIEPROGRAMMA: ("#fcbba1", "note"),
    ProgrammeKind.PDG_TRAJECT: ("#d9d9d9", "box"),
    ProgrammeKind.TOELATINGSTOETS: ("#f0f0f0", "note"),
    ProgrammeKind.GESCHIKTHEIDSONDERZOEK: ("#fee6ce", "note"),
    ProgrammeKind.ORIENTATIE: ("#ffffff", "note"),
    ProgrammeKind.MAATWERKTRAJECT: ("#ffffff", "note"),
}


@frozen
class _Node:
    id: str
    label: tuple[str, ...]
    group: str
    fill: str = "#ffffff"
    shape: str = "box"
    style: str = "filled,rounded"
    tooltip: str | None = None
    penwidth: str = "1"


@frozen
class _Edge:
    tail: str
    head: str
    style: str = "solid"
    color: str = "#555555"
    label: str | None = None
    tooltip: str | None = None
    penwidth: str = "1"


@frozen
class _Diagram:
    """A drawing independent of the output language (DOT or Mermaid)."""

    title: str
    groups: tuple[tuple[str, str], ...]
    nodes: tuple[_Node, ...]
    edges: tuple[_Edge, ...]
    legend: tuple[tuple[str, str, str], ...]  # kind, fill colour, label
    legend_title: str


def _selected(catalogue: Catalogue, name: str, day: dt.date) -> list[Programme]:
    academic = {ProgrammeLevel.WO, ProgrammeLevel.HBO_WO}
    chosen = [p for p in catalogue.programmes if p.valid_on(day) and p.changes_route]
    if name == "academische-po-routes":
        return [p for p in chosen if p.sector.value == "po" and p.level in academic]
    if name == "academische-vo-routes":
        return [p for p in chosen if p.sector.value == "vo" and p.level in academic]
    if name == "academische-routes":
        return [p for p in chosen if p.level in academic]
    if name in ("po", "vo", "mbo"):
        return [p for p in chosen if p.sector.value == name]
    if name == "alles":
        return chosen
    raise UnknownNameError(f"unknown diagram {name!r}; valid: {', '.join(OVERVIEWS)}, persoonlijk")


def _programme_label(p: Programme, lang: str) -> tuple[str, ...]:
    words = _WORDS[lang]
    name = p.name_en if lang == "en" and p.name_en else p.name
    facts = []
    if p.durations:
        shortest = min(p.durations, key=lambda d: d.months)
        span = f"{shortest.months}" if shortest.months_max is None else f"{shortest.months}-{shortest.months_max}"
        facts.append(f"{span} {words['months']}")
    if p.ec is not None:
        facts.append(f"{p.ec} EC")
    lines = [name]
    if facts:
        lines.append(", ".join(facts))
    if p.subjects:
        lines.append(words["per_subject"].format(n=len(p.subjects)))
    return tuple(lines)


def _start_of(p: Programme) -> tuple[str, ...]:
    """The starting-situation nodes a programme is drawn from (lowest diploma level it names)."""
    levels: set[Level] = set()
    starts: list[str] = []
    for node in p.entry.walk():
        if isinstance(node, HasDiploma):
            levels |= set(node.levels)
        elif isinstance(node, IsStudying):
            starts.append(f"start-studying-{node.levels[0].value}")
        elif isinstance(node, HasJob):
            starts.append("start-job")
    for start_id, group, _, _ in _STARTS:
        if levels & group:
            starts.insert(0, start_id)
            break
    return tuple(dict.fromkeys(starts))


def _overview(catalogue: Catalogue, name: str, day: dt.date, lang: str) -> _Diagram:  # noqa: C901, PLR0912 - one builder for nodes, edges and legend
    words = _WORDS[_validate.language(lang)]
    programmes = sorted(_selected(catalogue, name, day), key=lambda p: p.id)
    ids = {p.id for p in programmes}
    graph = programme_graph(catalogue, day)
    nodes: list[_Node] = []
    edges: set[_Edge] = set()
    used_starts: set[str] = set()
    used_quals: set[QualificationKind] = set()
    for p in programmes:
        fill, shape = _STYLE[p.kind]
        nodes.append(_Node(id=p.id, label=_programme_label(p, lang), group=p.sector.value, fill=fill, shape=shape))
        for start in _start_of(p):
            used_starts.add(start)
            dashed = "dashed" if start == "start-job" else "solid"
            edges.add(_Edge(tail=start, head=p.id, style=dashed, color="#999999"))
        for node in p.entry.walk():
            if isinstance(node, HoldsQualification):
                # drawn as a starting situation, so that the picture reads left to right
                held = f"start-held-{node.qualification.kind.value}"
                used_starts.add(held)
                edges.add(_Edge(tail=held, head=p.id, color="#999999"))
        for q in p.grants.qualifications:
            used_quals.add(q.kind)
            edges.add(_Edge(tail=p.id, head=f"q-{q.kind.value}", color="#333333", penwidth="1.5"))
    for a, b, via in graph.edges(data="via"):
        base_a, base_b = a.split("/")[0], b.split("/")[0]
        if base_a in ids and base_b in ids and base_a != base_b and via in ("completed", "deficiency"):
            edges.add(_Edge(tail=base_a, head=base_b, color="#333333"))
    for start_id, _, nl, en in _STARTS:
        if start_id in used_starts:
            nodes.append(
                _Node(
                    id=start_id,
                    label=(nl if lang == "nl" else en,),
                    group="start",
                    shape="ellipse",
                    style="filled",
                    fill="#f7f7f7",
                )
            )
    for start in sorted(s for s in used_starts if s.startswith("start-studying-")):
        level = start.removeprefix("start-studying-")
        nodes.append(
            _Node(
                id=start,
                label=(words["studying"].format(level=level),),
                group="start",
                shape="ellipse",
                style="filled",
                fill="#f7f7f7",
            )
        )
    for kind in QualificationKind:
        if f"start-held-{kind.value}" in used_starts:
            label = words["held"].format(q=_QUALIFICATION_LABELS[lang][kind])
            nodes.append(
                _Node(
                    id=f"start-held-{kind.value}",
                    label=(label,),
                    group="start",
                    shape="ellipse",
                    style="filled",
                    fill="#fff7bc",
                )
            )
    if "start-job" in used_starts:
        nodes.append(
            _Node(
                id="start-job",
                label=(words["job"],),
                group="start",
                shape="ellipse",
                style="filled,dashed",
                fill="#f7f7f7",
            )
        )
    nodes.extend(
        _Node(
            id=f"q-{kind.value}",
            label=(_QUALIFICATION_LABELS[lang][kind],),
            group="q",
            shape="doubleoctagon",
            style="filled",
            fill="#fff7bc",
            penwidth="1.5",
        )
        for kind in QualificationKind
        if kind in used_quals
    )
    kinds = sorted({p.kind for p in programmes}, key=lambda k: list(ProgrammeKind).index(k))
    groups = [("start", words["start"])]
    groups += [(s, words[s]) for s in ("po", "vo", "mbo") if any(p.sector.value == s for p in programmes)]
    groups.append(("q", words["qualifications"]))
    return _Diagram(
        title=name,
        groups=tuple(groups),
        nodes=tuple(nodes),
        edges=tuple(sorted(edges, key=lambda e: (e.tail, e.head))),
        legend=tuple((k.value, _STYLE[k][0], KIND_LABELS[lang][k]) for k in kinds),
        legend_title=words["legend"],
    )


def _personal(
    catalogue: Catalogue, profile: Profile, target: str | None, *, day: dt.date, lang: str, limit: int
) -> _Diagram:
    words = _WORDS[_validate.language(lang)]
    routes = find_routes(catalogue, profile, target, as_of=day, limit=limit, lang=lang)
    blocked = explain(catalogue, profile, target, as_of=day) if target else ()
    you = [words["you"]]
    you += [d.level.value + (f": {d.programme}" if d.programme else "") for d in profile.diplomas]
    you += [str(q) for q in profile.qualifications]
    if profile.job is not None:
        you.append(
            f"{words['job']}: {profile.job.sector.value}" + (f" ({profile.job.subject})" if profile.job.subject else "")
        )
    nodes: dict[str, _Node] = {
        "you": _Node(
            id="you",
            label=tuple(you),
            group="start",
            shape="ellipse",
            style="filled,bold",
            fill="#ffffbf",
            penwidth="2",
        )
    }
    edges: dict[tuple[str, str], _Edge] = {}
    kinds: set[ProgrammeKind] = set()
    for route in routes:
        previous = "you"
        for step in route.steps:
            p = catalogue.programme(step.programme)
            kinds.add(p.kind)
            fill, shape = _STYLE[p.kind]
            name = step.name_en if lang == "en" and step.name_en else step.name
            facts = ", ".join(
                x
                for x in (
                    f"{step.months} {words['months']}" if step.months is not None else "",
                    f"{step.ec} EC" if step.ec is not None else "",
                )
                if x
            )
            label = (name, offering_subject(step.programme) or "", facts)
            nodes.setdefault(
                step.programme,
                _Node(
                    id=step.programme, label=tuple(x for x in label if x), group=p.sector.value, fill=fill, shape=shape
                ),
            )
            conditional = bool(step.conditions)
            key = (previous, step.programme)
            edge = _Edge(
                tail=previous,
                head=step.programme,
                style="dashed" if conditional else "solid",
                color="#e6550d" if conditional else "#31a354",
                penwidth="1.5" if conditional else "2.5",
                tooltip="; ".join(c.text(lang) for c in step.conditions) or None,
            )
            if key not in edges or (edges[key].style == "dashed" and edge.style == "solid"):
                edges[key] = edge
            previous = step.programme
        qid = f"q-{route.qualification}"
        nodes.setdefault(
            qid,
            _Node(
                id=qid,
                label=(route.qualification,),
                group="q",
                shape="doubleoctagon",
                style="filled",
                fill="#fff7bc",
                penwidth="1.5",
            ),
        )
        edges.setdefault((previous, qid), _Edge(tail=previous, head=qid, color="#333333", penwidth="1.5"))
    for b in blocked:
        if b.programme in nodes:
            continue
        p = catalogue.programme(b.programme)
        reasons = "; ".join(r.text(lang) for r in b.reasons)
        nodes[b.programme] = _Node(
            id=b.programme,
            label=(
                p.name_en if lang == "en" and p.name_en else p.name,
                offering_subject(b.programme) or "",
                words["blocked"],
            ),
            group=p.sector.value,
            fill="#eeeeee",
            style="filled,rounded,dotted",
            tooltip=reasons,
        )
        edges[("you", b.programme)] = _Edge(
            tail="you", head=b.programme, style="dotted", color="#bbbbbb", tooltip=reasons
        )
    present = {n.group for n in nodes.values()}
    groups = (
        [("start", words["start"])]
        + [(s, words[s]) for s in ("po", "vo", "mbo") if s in present]
        + [("q", words["qualifications"])]
    )
    return _Diagram(
        title="persoonlijk" if lang == "nl" else "personal",
        groups=tuple(groups),
        nodes=tuple(sorted(nodes.values(), key=lambda n: (n.id != "you", n.id))),
        edges=tuple(sorted(edges.values(), key=lambda e: (e.tail, e.head))),
        legend=tuple(
            (k.value, _STYLE[k][0], KIND_LABELS[lang][k])
            for k in sorted(kinds, key=lambda k: list(ProgrammeKind).index(k))
        ),
        legend_title=words["legend"],
    )


def _text(value: str) -> str:
    """One label line, with backslashes and markup made literal for DOT."""
    return cast("str", graphviz.escape(" ".join(value.split())))  # keeps graphviz's no-HTML mark


def _label(lines: Sequence[str]) -> str:
    # DOT's "\n" centres each line; the escaped parts cannot contain an escape of their own.
    return cast("str", graphviz.nohtml("\\n".join(_text(line) for line in lines if line)))


def _dot_id(node_id: str) -> str:
    # ":" would make DOT read "node:port"; our ids are slugs, "/" and ":" are the only separators.
    return node_id.replace(":", "__")


def _dot(diagram: _Diagram) -> graphviz.Digraph:
    g = graphviz.Digraph(name=diagram.title)
    # A4 landscape (11.7 x 8.3 inch), left to right, parallel edges merged.
    g.attr(rankdir="LR", size="11.7,8.3", ratio="compress", newrank="true", concentrate="true")
    g.attr(fontname="Helvetica", nodesep="0.25", ranksep="0.6", label=_label([diagram.title]), labelloc="t")
    g.attr("node", fontname="Helvetica", fontsize="11")
    g.attr("edge", arrowsize="0.7")
    for group, title in diagram.groups:
        with g.subgraph(name=f"cluster_{group}") as sub:
            sub.attr(label=_label([title]), style="rounded", color="#bbbbbb", fontname="Helvetica-Bold")
            if group in ("start", "q"):
                sub.attr(rank="source" if group == "start" else "sink")
            for n in diagram.nodes:
                if n.group == group:
                    attrs_ = {
                        "label": _label(n.label),
                        "shape": n.shape,
                        "style": n.style,
                        "fillcolor": n.fill,
                        "penwidth": n.penwidth,
                    }
                    if n.tooltip:
                        attrs_["tooltip"] = _text(n.tooltip)
                    sub.node(_dot_id(n.id), **attrs_)
    if diagram.legend:
        # An HTML-like table built only from our own kind names and colours, never from input text.
        rows = "".join(
            f'<tr><td bgcolor="{fill}" width="16"> </td><td align="left">{label}</td></tr>'
            for _kind, fill, label in diagram.legend
        )
        title = diagram.legend_title
        head = f'<tr><td colspan="2"><b>{title}</b></td></tr>'
        table = f'<<table border="0" cellspacing="2" cellpadding="2">{head}{rows}</table>>'
        with g.subgraph(name="cluster_legenda") as legend:
            legend.attr(label="", style="rounded", color="#bbbbbb")
            legend.node("legenda", label=table, shape="plaintext", fontsize="9")
    for e in diagram.edges:
        attrs_ = {"style": e.style, "color": e.color, "penwidth": e.penwidth}
        if e.tooltip:
            attrs_["tooltip"] = _text(e.tooltip)
            attrs_["edgetooltip"] = _text(e.tooltip)
        g.edge(_dot_id(e.tail), _dot_id(e.head), **attrs_)
    return g


def to_digraph(catalogue: Catalogue, name: str, *, as_of: dt.date | None = None, lang: str = "nl") -> graphviz.Digraph:
    """The named overview (see :data:`OVERVIEWS`) as it stood on ``as_of`` (default today).

    Starting situations, programmes (with duration and EC) grouped by sector, qualifications and
    the links between them; colour and shape by programme kind, with a legend. Raises
    :class:`~leraarroutes.UnknownNameError` for an unknown name.
    """
    return _dot(_overview(catalogue, name, _validate.day(as_of), lang))


def personal_digraph(
    catalogue: Catalogue,
    profile: Profile,
    target: str | None = None,
    *,
    as_of: dt.date | None = None,
    lang: str = "nl",
    limit: int = 12,
) -> graphviz.Digraph:
    """One person's route map, with the person marked as the starting point.

    Open routes are bold, conditional routes dashed (conditions in the tooltip), and blocked
    programmes grey with the reasons in their tooltip.

    >>> from leraarroutes import Diploma, Level, Profile, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> graph = personal_digraph(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1))
    >>> graph.source.splitlines()[0], "pwpo" in graph.source
    ('digraph persoonlijk {', True)
    """
    return _dot(_personal(catalogue, profile, target, day=_validate.day(as_of), lang=lang, limit=limit))


def _mermaid_text(value: str) -> str:
    return " ".join(value.split()).replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _mermaid(diagram: _Diagram) -> str:
    """Mermaid flowchart text for a diagram (labels with quotes and angle brackets made entities)."""
    lines = ["flowchart LR"]
    ident = {n.id: f"n{i}" for i, n in enumerate(diagram.nodes)}
    for group, title in diagram.groups:
        members = [n for n in diagram.nodes if n.group == group]
        if not members:
            continue
        lines.append(f'  subgraph {group}["{_mermaid_text(title)}"]')
        for n in members:
            text = "<br/>".join(_mermaid_text(x) for x in n.label if x)
            lines.append(f'    {ident[n.id]}["{text}"]')
        lines.append("  end")
    for e in diagram.edges:
        if e.tail in ident and e.head in ident:
            arrow = "-.->" if e.style in ("dashed", "dotted") else ("==>" if e.penwidth == "2.5" else "-->")
            lines.append(f"  {ident[e.tail]} {arrow} {ident[e.head]}")
    lines.extend(f"  style {ident[n.id]} fill:{n.fill}" for n in diagram.nodes)
    return "\n".join(lines) + "\n"


def overview_mermaid(catalogue: Catalogue, name: str, *, as_of: dt.date | None = None, lang: str = "nl") -> str:
    """The named overview as Mermaid flowchart text, for Markdown documentation."""
    return _mermaid(_overview(catalogue, name, _validate.day(as_of), lang))


def personal_mermaid(
    catalogue: Catalogue, profile: Profile, target: str | None = None, *, as_of: dt.date | None = None, lang: str = "nl"
) -> str:
    """One person's route map as Mermaid flowchart text.

    >>> from leraarroutes import Diploma, Level, Profile, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> personal_mermaid(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1)).splitlines()[:3]
    ['flowchart LR', '  subgraph start["Vooropleiding"]', '    n0["Jij<br/>vwo"]']
    """
    return _mermaid(_personal(catalogue, profile, target, day=_validate.day(as_of), lang=lang, limit=12))


_FORMATS = ("svg", "png", "pdf", "dot", "mmd")


def render(graph: graphviz.Digraph, path: str | os.PathLike[str], format: str | None = None) -> Path:  # noqa: A002 - graphviz's own word
    """Write ``graph`` to ``path`` as svg, png, pdf or dot (from the suffix unless ``format`` is given).

    The file appears whole or not at all. Raises :class:`GraphvizMissingError` when ``dot`` is
    needed and not installed, and :class:`~leraarroutes.InputError` for an unknown format.
    """
    target = Path(path)
    fmt = (format or target.suffix.lstrip(".")).lower()
    if fmt not in ("svg", "png", "pdf", "dot"):
        raise InputError(f"cannot render to {fmt!r}; use one of: svg, png, pdf, dot", file=str(path))
    if fmt == "dot":
        data = graph.source.encode("utf-8")
    else:
        if shutil.which("dot") is None:
            raise GraphvizMissingError(
                "Graphviz's dot program is not installed; install it with `apt-get install graphviz` "
                "(or `brew install graphviz`), or write a .dot file instead"
            )
        try:
            data = subprocess.run(  # noqa: S603 - a fixed program, our own DOT on stdin
                ["dot", f"-T{fmt}"],  # noqa: S607 - dot is looked up on PATH on purpose
                input=graph.source.encode("utf-8"),
                capture_output=True,
                check=True,
                timeout=120,
            ).stdout
        except subprocess.CalledProcessError as exc:
            raise LeraarroutesError(f"dot failed: {exc.stderr.decode('utf-8', 'replace').strip()}") from None
    write_atomically(target, data)
    return target
