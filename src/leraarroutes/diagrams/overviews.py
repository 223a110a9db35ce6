"""The named overviews of the catalogue: every programme of a sector or level, and how they connect.

>>> from leraarroutes import load_catalogue
>>> "vo" in OVERVIEWS and "alles" in OVERVIEWS
True
"""

from __future__ import annotations

import datetime as dt

import attrs
import graphviz

from leraarroutes import _validate
from leraarroutes._version import __version__
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.programmes import Programme, ProgrammeKind, ProgrammeLevel
from leraarroutes.diagrams.dot import _dot
from leraarroutes.diagrams.mermaid import _mermaid
from leraarroutes.diagrams.styles import _STARTS, _STYLE, _Diagram, _Edge, _Node, _programme_label, _start_of
from leraarroutes.diagrams.words import _QUALIFICATION_LABELS, _WORDS, KIND_LABELS, OVERVIEW_TITLES, OVERVIEWS
from leraarroutes.engine import programme_graph
from leraarroutes.errors import UnknownNameError
from leraarroutes.model.profile import Sector
from leraarroutes.model.qualifications import QualificationKind, SchoolSetting
from leraarroutes.rules import HasJob, HoldsQualification

SPLIT_FOR_PRINT: dict[str, tuple[str, ...]] = {"alles": ("po", "vo", "mbo")}
"""Overviews too large for one page at a readable size, and the overviews that are their pages.

48 programmes cannot stand on one A4 page with text of 8 pt; printed, ``alles`` is one page
per sector (see :func:`overview_pages`).
"""


def _selected(catalogue: Catalogue, name: str, day: dt.date) -> list[Programme]:
    academic = {ProgrammeLevel.WO, ProgrammeLevel.HBO_WO}
    chosen = [p for p in catalogue.programmes if p.valid_on(day) and p.changes_route]
    if name == "academische-po-routes":
        return [p for p in chosen if p.sector.value == "po" and p.level in academic]
    if name == "academische-vo-routes":
        return [p for p in chosen if p.sector.value == "vo" and p.level in academic]
    if name == "academische-routes":
        return [p for p in chosen if p.level in academic]
    if name == "mbo":
        return _mbo(catalogue, chosen, day)
    if name in ("po", "vo"):
        return [p for p in chosen if p.sector.value == name]
    if name == "alles":
        return chosen
    raise UnknownNameError(f"unknown diagram {name!r}; valid: {', '.join(OVERVIEWS)}, persoonlijk")


def _mbo(catalogue: Catalogue, chosen: list[Programme], day: dt.date) -> list[Programme]:
    """The mbo's own programmes and the routes from mbo-4 or a job in the mbo to a qualification valid there.

    A tweedegraads or eerstegraads qualification lets its holder teach in the mbo too (its scope
    says so), so the overview starts where an mbo-4 diploma or an mbo job starts.
    """
    valid = {kind for kind, settings in catalogue.teaches(day).items() if SchoolSetting.MBO in settings}
    first = {
        p.id
        for p in chosen
        if p.sector.value == "mbo"
        or any(isinstance(n, HasJob) and n.sector is Sector.MBO for n in p.entry.walk())
        or ("start-vo-mbo" in _start_of(p) and any(q.kind in valid for q in p.grants.qualifications))
    }
    graph = programme_graph(catalogue, day)
    following = {
        b.split("/")[0]
        for a, b, via in graph.edges(data="via")
        if a.split("/")[0] in first and via in ("completed", "deficiency")
    }
    return [
        p
        for p in chosen
        if p.id in first
        or (p.id in following and any(q.kind in valid for q in p.grants.qualifications) and not _other_job(p))
    ]


def _other_job(p: Programme) -> bool:
    """Whether the programme asks for a job, and only in another sector than the mbo."""
    sectors = {n.sector for n in p.entry.walk() if isinstance(n, HasJob)}
    return bool(sectors) and Sector.MBO not in sectors


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
            words["as_of"].format(day=day.isoformat())
            + "; "
            + words["source"].format(version=__version__, catalogue=catalogue.version),
            *((words["screen_only"],) if name in SPLIT_FOR_PRINT else ()),
        ),
    )


def to_digraph(
    catalogue: Catalogue,
    name: str,
    *,
    as_of: dt.date | None = None,
    lang: str = "nl",
    page: str = "a4",
    dpi: int = 96,
) -> graphviz.Digraph:
    """The named overview (see :data:`OVERVIEWS`) as it stood on ``as_of`` (default today).

    Starting situations, programmes (with duration and EC) grouped by sector, qualifications and
    the links between them; colour and shape by programme kind, with a legend. The drawing is
    fitted to ``page`` (see :data:`~leraarroutes.diagrams.dot.PAGES`), except an overview in
    :data:`SPLIT_FOR_PRINT`, which keeps its full size for a screen. Raises
    :class:`~leraarroutes.UnknownNameError` for an unknown name.
    """
    fitted = None if name in SPLIT_FOR_PRINT else page
    return _dot(_overview(catalogue, name, _validate.day(as_of), lang), page=fitted, dpi=dpi)


def overview_pages(
    catalogue: Catalogue,
    name: str,
    *,
    as_of: dt.date | None = None,
    lang: str = "nl",
    page: str = "a4",
    dpi: int = 96,
) -> tuple[graphviz.Digraph, ...]:
    """The named overview as printed pages: one drawing, or one per sector for ``alles``.

    Give the result to :func:`~leraarroutes.render` with a ``.pdf`` name for one document.

    >>> from leraarroutes import load_catalogue
    >>> [g.name for g in overview_pages(load_catalogue(), "alles", as_of=dt.date(2024, 1, 1))]
    ['alles-po', 'alles-vo', 'alles-mbo']
    """
    day = _validate.day(as_of)
    parts = SPLIT_FOR_PRINT.get(name)
    if parts is None:
        return (to_digraph(catalogue, name, as_of=day, lang=lang, page=page, dpi=dpi),)
    words = _WORDS[_validate.language(lang)]
    pages = []
    for number, part in enumerate(parts, start=1):
        drawing = _overview(catalogue, part, day, lang)
        title = words["part"].format(whole=OVERVIEW_TITLES[lang][name], n=number, total=len(parts), part=words[part])
        drawing = attrs.evolve(drawing, title=f"{name}-{part}", heading=(title, *drawing.heading[1:]))
        pages.append(_dot(drawing, page=page, dpi=dpi))
    return tuple(pages)


def overview_mermaid(catalogue: Catalogue, name: str, *, as_of: dt.date | None = None, lang: str = "nl") -> str:
    """The named overview as Mermaid flowchart text, for Markdown documentation."""
    return _mermaid(_overview(catalogue, name, _validate.day(as_of), lang))
