"""How a diagram looks, whatever draws it: starting columns, colours and shapes, the drawing itself.

The drawing (nodes, edges, groups, legend) is independent of the output: :mod:`~leraarroutes.diagrams.dot`
and :mod:`~leraarroutes.diagrams.mermaid` turn it into text.
"""

from __future__ import annotations

from attrs import frozen

from leraarroutes.catalogue.programmes import Programme, ProgrammeKind
from leraarroutes.diagrams.words import _WORDS
from leraarroutes.model.education import Level
from leraarroutes.rules import HasDiploma, HasJob, IsStudying

PAGES: dict[str, tuple[float, float]] = {
    "a4": (10.9, 7.48),  # 277 x 190 mm
    "a4-staand": (7.48, 10.9),
    "a3": (15.74, 10.9),  # 400 x 277 mm
    "a3-staand": (10.9, 15.74),
}
"""Page sizes a drawing is fitted to, in inches inside a 10 mm margin: A4 and A3, landscape by default."""

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
    ProgrammeKind.KUNSTVAKDOCENT_BACHELOR: ("#c994c7", "box"),
    ProgrammeKind.ALO: ("#c994c7", "box"),
    ProgrammeKind.AD_ONDERWIJS: ("#bcbddc", "box"),
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
    wrap: int = 30  # characters per line of the drawn label; longer lines wrap at spaces


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

    title: str  # the graph's id, such as "alles"; the page shows ``heading``
    groups: tuple[tuple[str, str], ...]
    nodes: tuple[_Node, ...]
    edges: tuple[_Edge, ...]
    legend: tuple[tuple[str, str, str], ...]  # kind, fill colour, label
    legend_title: str
    heading: tuple[str, ...] = ()  # the title in words, the date, the source, any limit applied
    legend_notes: tuple[str, ...] = ()  # what the lines and the "per vak (n)" mean, under the colours


def _programme_label(p: Programme, lang: str) -> tuple[str, ...]:
    words = _WORDS[lang]
    name = p.name_en if lang == "en" and p.name_en else p.name
    facts = []
    if p.durations and max(d.months_max or d.months for d in p.durations) > 0:  # a test takes no months
        shortest = min(p.durations, key=lambda d: d.months)
        span = f"{shortest.months}" if shortest.months_max is None else f"{shortest.months}-{shortest.months_max}"
        facts.append(f"{span} {words['months']}")
    if p.ec is not None:
        facts.append(f"{p.ec} EC")
    lines = [name]
    if p.subjects:
        facts.append(words["per_subject"].format(n=len(p.subjects)))
    if facts:
        lines.append(", ".join(facts))
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
