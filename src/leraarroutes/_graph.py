"""The programme graph (internal): which offering can enable which, built once per catalogue and date.

An edge A → B means completing A gives something B's entry rule asks for: A itself (a completed
programme or kind), a qualification, the closing of a deficiency, or a diploma level. The search
uses it to find the steps that can prepare another; eligibility itself is checked on the state.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from leraarroutes.catalogue import Catalogue
from leraarroutes.education import Level
from leraarroutes.programmes import Programme
from leraarroutes.qualifications import Qualification
from leraarroutes.rules import (
    HasCompleted,
    HasDiploma,
    HoldsQualification,
    IsStudying,
    Rule,
    SubjectEc,
)

if TYPE_CHECKING:  # imported when the first graph is built: it is most of the import time
    import networkx as nx

_STRENGTH = {"completed": 4, "qualification": 3, "deficiency": 2, "diploma": 1, "exemption": 0}


@attrs.define
class _Needs:
    """What one programme's rule asks for, indexed for matching against every other programme."""

    ids: set[str] = attrs.Factory(set)
    kinds: set[tuple[str, str | None]] = attrs.Factory(set)
    qualifications: set[Qualification] = attrs.Factory(set)
    deficiencies: set[tuple[str, str]] = attrs.Factory(set)
    levels: set[Level] = attrs.Factory(set)

    @classmethod
    def of(cls, nodes: Iterable[Rule]) -> _Needs:
        needs = cls()
        for node in nodes:
            if isinstance(node, HasCompleted):
                needs.ids.update(node.programmes)
                if node.kind is not None:
                    needs.kinds.add((node.kind, node.subject))
            elif isinstance(node, HoldsQualification):
                needs.qualifications.add(node.qualification)
            elif isinstance(node, SubjectEc) and node.deficiency_kind is not None:
                needs.deficiencies.add((node.deficiency_kind, node.subject))
            elif isinstance(node, (HasDiploma, IsStudying)):
                needs.levels.update(node.levels)
        return needs

    def link(self, a: Programme) -> str | None:
        """The strongest way completing ``a`` meets these needs, or None."""
        subject = a.id.partition("/")[2] or None
        if a.id in self.ids or (a.kind.value, None) in self.kinds or (a.kind.value, subject) in self.kinds:
            return "completed"
        if any(g.includes(q) for g in a.grants.qualifications for q in self.qualifications):
            return "qualification"
        if subject is not None and (a.kind.value, subject) in self.deficiencies:
            return "deficiency"
        if any(d.level in self.levels for d in a.grants.diplomas):
            return "diploma"
        return None


def programme_graph(catalogue: Catalogue, as_of: dt.date) -> nx.DiGraph:
    """Offerings valid on ``as_of`` that change routes, with "enables" edges labelled ``via``.

    ``via`` is "completed", "qualification", "deficiency" (specific links to the entry rule),
    "diploma" (only a shared diploma level) or "exemption" (shortens rather than opens). Dates on
    which the same programmes run share one graph.
    """
    return _graph(catalogue, _running(catalogue, as_of))


@functools.lru_cache(maxsize=256)
def _running(catalogue: Catalogue, as_of: dt.date) -> tuple[str, ...]:
    """The offerings valid on ``as_of`` that change routes; asked once per catalogue and date."""
    return tuple(p.id for p in catalogue.offerings(as_of=as_of) if p.changes_route)


@functools.lru_cache(maxsize=32)
def _graph(catalogue: Catalogue, running: tuple[str, ...]) -> nx.DiGraph:
    import networkx as nx  # noqa: PLC0415 - deferred: see the TYPE_CHECKING import above

    graph = nx.DiGraph()
    by_id: dict[str, Programme] = {o.id: o for o in catalogue.offerings()}
    offerings = [by_id[pid] for pid in running]
    needs = {}
    for p in offerings:
        graph.add_node(p.id, programme=p)
        needs[p.id] = (
            _Needs.of(p.entry.walk()),
            _Needs.of(n for e in p.exemptions for n in e.when.walk()),
        )
    edges: dict[tuple[str, str], str] = defaultdict(str)
    for b in offerings:
        entry_needs, exemption_needs = needs[b.id]
        for a in offerings:
            if a.id == b.id:
                continue
            via = entry_needs.link(a) or ("exemption" if exemption_needs.link(a) else None)
            if via is not None and _STRENGTH[via] >= _STRENGTH.get(edges[a.id, b.id], -1):
                edges[a.id, b.id] = via
    for (a_id, b_id), via in sorted(edges.items()):
        graph.add_edge(a_id, b_id, via=via)
    for b in offerings:
        graph.nodes[b.id]["preparers"] = _preparers(graph, b)
    return graph


def _preparers(graph: nx.DiGraph, b: Programme) -> tuple[str, ...]:
    """The predecessors that may be taken to prepare ``b``, in id order.

    A predecessor linked only by a diploma level that grants a qualification ``b`` does not ask
    for is a detour (a tweedegraads bachelor taken for its diploma, to enter a verkorte pabo).
    """
    asked = [n.qualification for n in b.entry.walk() if isinstance(n, HoldsQualification)]
    keep = []
    for pred in sorted(graph.predecessors(b.id)):
        a: Programme = graph.nodes[pred]["programme"]
        generic = graph.edges[pred, b.id]["via"] in ("diploma", "exemption")
        if generic and any(not any(g.includes(q) for q in asked) for g in a.grants.qualifications):
            continue
        keep.append(pred)
    return tuple(keep)
