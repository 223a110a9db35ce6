"""The programme graph (internal): which offering can enable which, built once per catalogue and date.

An edge A → B means completing A gives something B's entry rule asks for: A itself (a completed
programme or kind), a qualification, the closing of a deficiency, or a diploma level. The search
uses it to find the steps that can prepare another; eligibility itself is checked on the state.

The links are worked out once as plain data (:class:`Links`): the search, ``explain`` and the
command line read them without importing networkx, whose import alone took longer than a whole
query. :func:`programme_graph` puts the same links into a networkx ``DiGraph`` for analysing and
drawing them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.programmes import Programme
from leraarroutes.errors import SearchLimitError
from leraarroutes.ids import offering_subject
from leraarroutes.model.education import Level
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules import (
    HasCompleted,
    HasDiploma,
    HoldsQualification,
    Rule,
    SubjectEc,
)

if TYPE_CHECKING:  # imported when the first graph is built: it is most of the import time
    import networkx as nx


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
            elif isinstance(node, HasDiploma):
                # Not IsStudying: completing a programme gives a diploma, never a running study.
                needs.levels.update(node.accepted_levels)
        return needs

    def link(self, a: Programme) -> str | None:
        """The strongest way completing ``a`` meets these needs, or None."""
        subject = offering_subject(a.id)
        if a.id in self.ids or (a.kind.value, None) in self.kinds or (a.kind.value, subject) in self.kinds:
            return "completed"
        if any(g.includes(q) for g in a.grants.qualifications for q in self.qualifications):
            return "qualification"
        if subject is not None and (a.kind.value, subject) in self.deficiencies:
            return "deficiency"
        if any(d.level in self.levels for d in a.grants.diplomas):
            return "diploma"
        return None


MAX_GRAPH_LINKS = 250_000
"""Most "enables" links the programme graph may hold (100 times the shipped catalogue has about
36,000); a catalogue whose programmes all enable each other stops here, not when memory runs out."""


def programme_graph(catalogue: Catalogue, as_of: dt.date) -> nx.DiGraph:
    """Offerings valid on ``as_of`` that change routes, with "enables" edges labelled ``via``.

    ``via`` is "completed", "qualification", "deficiency" (specific links to the entry rule),
    "diploma" (only a shared diploma level) or "exemption" (shortens rather than opens); a diploma
    or exemption link from an offering that grants a qualification the entry does not ask for is a
    detour and is left out. Node attribute ``preparers``: the predecessors, in id order. Dates on
    which the same programmes run share one graph. Built from indexes, not by comparing every
    pair of offerings: 100 times the shipped catalogue (23,619 offerings) builds in under a second.
    """
    return _graph(programme_links(catalogue, as_of))


@frozen(eq=False)
class Links:
    """The offerings valid on a date that change routes, and which of them enable which.

    ``offerings`` keeps the catalogue's order (the compiled search numbers them in it); ``edges``
    are ``(from, to, via)`` in sorted order; ``preparers`` gives each offering's predecessors in id
    order. ``derived`` holds what is worked out from the links on first use (the compiled search).
    """

    offerings: tuple[Programme, ...]
    by_id: Mapping[str, Programme]
    edges: tuple[tuple[str, str, str], ...]
    via: Mapping[tuple[str, str], str]
    preparers: Mapping[str, tuple[str, ...]]
    derived: dict[str, Any] = attrs.field(factory=dict, repr=False)

    def __contains__(self, offering_id: object) -> bool:
        return offering_id in self.by_id


def programme_links(catalogue: Catalogue, as_of: dt.date) -> Links:
    """The links of :func:`programme_graph` as plain data: dates running the same offerings share them."""
    return _links(catalogue, _running(catalogue, as_of))


@functools.lru_cache(maxsize=256)
def _running(catalogue: Catalogue, as_of: dt.date) -> tuple[str, ...]:
    """The offerings valid on ``as_of`` that change routes; asked once per catalogue and date."""
    return tuple(p.id for p in catalogue.offerings(as_of=as_of) if p.changes_route)


@functools.lru_cache(maxsize=32)
def _graph(links: Links) -> nx.DiGraph:
    import networkx as nx  # noqa: PLC0415 - deferred: see the TYPE_CHECKING import above

    graph = nx.DiGraph()
    for p in links.offerings:
        graph.add_node(p.id, programme=p)
    for a_id, b_id, via in links.edges:
        graph.add_edge(a_id, b_id, via=via)
    for p in links.offerings:
        graph.nodes[p.id]["preparers"] = links.preparers[p.id]
    return graph


@functools.lru_cache(maxsize=32)
def _links(catalogue: Catalogue, running: tuple[str, ...]) -> Links:
    by_id: dict[str, Programme] = {o.id: o for o in catalogue.offerings()}
    offerings = tuple(by_id[pid] for pid in running)
    index = _Index(offerings)
    edges: list[tuple[str, str, str]] = []
    for b in offerings:
        entry_needs = _Needs.of(b.entry.walk())
        exemption_needs = _Needs.of(n for e in b.exemptions for n in e.when.walk())
        asked = [n.qualification for n in b.entry.walk() if isinstance(n, HoldsQualification)]
        candidates = index.candidates(entry_needs, asked) | index.candidates(exemption_needs, asked)
        for a_id in sorted(candidates - {b.id}):
            a = index.by_id[a_id]
            via = entry_needs.link(a) or ("exemption" if exemption_needs.link(a) else None)
            if via is None or (via in ("diploma", "exemption") and _detour(a, asked)):
                continue
            edges.append((a.id, b.id, via))
        if len(edges) > MAX_GRAPH_LINKS:
            raise SearchLimitError(
                f"the catalogue's programmes enable each other more than {MAX_GRAPH_LINKS:,} times "
                "(leraarroutes.engine.MAX_GRAPH_LINKS): too dense to search; check its entry rules"
            )
    edges.sort()
    predecessors: dict[str, set[str]] = {p.id: set() for p in offerings}
    for a_id, b_id, _ in edges:
        predecessors[b_id].add(a_id)
    return Links(
        offerings=offerings,
        by_id={p.id: p for p in offerings},
        edges=tuple(edges),
        via={(a_id, b_id): via for a_id, b_id, via in edges},
        preparers={pid: tuple(sorted(found)) for pid, found in predecessors.items()},
    )


def _detour(a: Programme, asked: list[Qualification]) -> bool:
    """Whether ``a``, linked to a step only by a diploma level or an exemption, is a detour.

    It is when it grants a qualification the step does not ask for (a tweedegraads bachelor
    taken for its diploma, to enter a verkorte pabo). Detours are left out of the graph.
    """
    return any(not any(g.includes(q) for q in asked) for g in a.grants.qualifications)


class _Index:
    """The offerings by id, kind, subject, granted qualification and granted diploma level.

    :meth:`candidates` narrows the offerings that may meet a rule's needs, so that building the
    graph does not compare every pair of offerings; :meth:`_Needs.link` then decides.

    The compiled graph's ``_Changers`` index the same facts for another question: which
    completions can change a verdict at all (every diploma grant, detours included). An edge here
    is always such a change (a test checks it); the graph leaves out detours on purpose.
    """

    def __init__(self, offerings: Iterable[Programme]) -> None:
        self.by_id: dict[str, Programme] = {}
        self.by_kind: dict[str, set[str]] = defaultdict(set)
        self.by_kind_subject: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.granting_subject: dict[str | None, set[str]] = defaultdict(set)
        self.plain_diploma: dict[Level, set[str]] = defaultdict(set)
        for p in offerings:
            self.by_id[p.id] = p
            self.by_kind[p.kind.value].add(p.id)
            subject = offering_subject(p.id)
            if subject:
                self.by_kind_subject[p.kind.value, subject].add(p.id)
            for g in p.grants.qualifications:
                self.granting_subject[g.subject].add(p.id)
            if not p.grants.qualifications:
                for d in p.grants.diplomas:
                    self.plain_diploma[d.level].add(p.id)

    def candidates(self, needs: _Needs, asked: list[Qualification]) -> set[str]:
        """Every offering that may meet ``needs`` (a superset; ``asked``: the step's asked qualifications)."""
        found = {pid for pid in needs.ids if pid in self.by_id}
        for kind, subject in needs.kinds:
            found |= self.by_kind[kind] if subject is None else self.by_kind_subject[kind, subject]
        for kind, subject in needs.deficiencies:
            found |= self.by_kind_subject[kind, subject]
        for q in needs.qualifications:
            found |= self.granting_subject[q.subject]
        for level in needs.levels:
            found |= self.plain_diploma[level]
        if needs.levels:  # offerings granting a diploma and only asked qualifications are no detour
            for q in asked:
                found |= self.granting_subject[q.subject]
        return found
