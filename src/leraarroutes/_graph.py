"""The programme graph (internal): which offering can enable which, built once per catalogue and date.

An edge A → B means completing A gives something B's entry rule asks for: A itself (a completed
programme or kind), a qualification, or a diploma level. The search uses it only to leave out
offerings that can never help reach a target; eligibility itself is checked on the state.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

import networkx as nx

from leraarroutes.catalogue import Catalogue
from leraarroutes.programmes import Programme
from leraarroutes.rules import HasCompleted, HasDiploma, HoldsQualification, IsStudying, Rule, SubjectEc


def _enables(a: Programme, b: Programme) -> str | None:
    """How completing ``a`` can help enter ``b``: "completed", "qualification", "deficiency",
    "diploma", "exemption" or None. The first three are specific links to the entry rule;
    "diploma" only shares a level; "exemption" shortens ``b`` rather than opening it.
    """
    via = _link(a, b.entry.walk())
    if via is None and any(_link(a, e.when.walk()) for e in b.exemptions):
        return "exemption"
    return via


def _link(a: Programme, nodes: Iterator[Rule]) -> str | None:
    via = None
    for node in nodes:
        if isinstance(node, HasCompleted):
            if a.id in node.programmes:
                return "completed"
            if node.kind == a.kind.value and (node.subject is None or a.id.endswith(f"/{node.subject}")):
                return "completed"
        elif isinstance(node, HoldsQualification):
            if any(q.includes(node.qualification) for q in a.grants.qualifications):
                return "qualification"
        elif isinstance(node, SubjectEc):
            if node.deficiency_kind == a.kind.value and a.id.endswith(f"/{node.subject}"):
                return "deficiency"
        elif isinstance(node, (HasDiploma, IsStudying)):
            if any(d.level in node.levels for d in a.grants.diplomas):
                via = "diploma"
    return via


@functools.lru_cache(maxsize=32)
def programme_graph(catalogue: Catalogue, as_of: dt.date) -> nx.DiGraph:
    """Offerings valid on ``as_of`` that change routes, with "enables" edges labelled ``via``."""
    graph = nx.DiGraph()
    offerings = [p for p in catalogue.offerings(as_of=as_of) if p.changes_route]
    for p in offerings:
        graph.add_node(p.id, programme=p)
    for a in offerings:
        for b in offerings:
            via = _enables(a, b) if a.id != b.id else None
            if via is not None:
                graph.add_edge(a.id, b.id, via=via)
    return graph
