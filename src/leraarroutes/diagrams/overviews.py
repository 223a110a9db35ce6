"""The named overviews of the catalogue: every programme of a sector or level, and how they connect.

>>> from leraarroutes import load_catalogue
>>> "vo" in OVERVIEWS and "alles" in OVERVIEWS
True
"""

from __future__ import annotations

import datetime as dt

import graphviz

from leraarroutes import __version__, _validate
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.programmes import Programme, ProgrammeKind, ProgrammeLevel
from leraarroutes.diagrams.dot import _dot
from leraarroutes.diagrams.mermaid import _mermaid
from leraarroutes.diagrams.styles import _STARTS, _STYLE, _Diagram, _Edge, _Node, _programme_label, _start_of
from leraarroutes.diagrams.words import _QUALIFICATION_LABELS, _WORDS, KIND_LABELS, OVERVIEW_TITLES
from leraarroutes.engine import programme_graph
from leraarroutes.errors import UnknownNameError
from leraarroutes.model.qualifications import QualificationKind
from leraarroutes.rules import HoldsQualification

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
        legend_notes=(words["per_subject_note"],) if any(p.subjects for p in programmes) else (),
        heading=(
            OVERVIEW_TITLES[lang][name],
            words["as_of"].format(day=day.isoformat()) + "; " + words["source"].format(version=__version__),
        ),
    )


def to_digraph(catalogue: Catalogue, name: str, *, as_of: dt.date | None = None, lang: str = "nl") -> graphviz.Digraph:
    """The named overview (see :data:`OVERVIEWS`) as it stood on ``as_of`` (default today).

    Starting situations, programmes (with duration and EC) grouped by sector, qualifications and
    the links between them; colour and shape by programme kind, with a legend. Raises
    :class:`~leraarroutes.UnknownNameError` for an unknown name.
    """
    return _dot(_overview(catalogue, name, _validate.day(as_of), lang))


def overview_mermaid(catalogue: Catalogue, name: str, *, as_of: dt.date | None = None, lang: str = "nl") -> str:
    """The named overview as Mermaid flowchart text, for Markdown documentation."""
    return _mermaid(_overview(catalogue, name, _validate.day(as_of), lang))
