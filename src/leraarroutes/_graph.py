"""The programme graph (internal): which offering can enable which, built once per catalogue and date.

An edge A → B means completing A gives something B's entry rule asks for: A itself (a completed
programme or kind), a qualification, or a diploma level. The search uses it only to leave out
offerings that can never help reach a target; eligibility itself is checked on the state.
"""

from __future__ import annotations

import datetime as dt
import functools

import networkx as nx

from leraarroutes.catalogue import Catalogue
from leraarroutes.programmes import Programme
from leraarroutes.rules import HasCompleted, HasDiploma, HoldsQualification, IsStudying, SubjectEc


def _enables(a: Programme, b: Programme) -> bool:
    for node in [*b.entry.walk(), *(n for e in b.exemptions for n in e.when.walk())]:
        if isinstance(node, HasCompleted):
            if a.id in node.programmes:
                return True
            if node.kind == a.kind.value and (node.subject is None or a.id.endswith(f"/{node.subject}")):
                return True
        elif isinstance(node, HoldsQualification):
            if any(q.includes(node.qualification) for q in a.grants.qualifications):
                return True
        elif isinstance(node, SubjectEc):
            if node.deficiency_kind == a.kind.value and a.id.endswith(f"/{node.subject}"):
                return True
        elif isinstance(node, (HasDiploma, IsStudying)):
            if any(d.level in node.levels for d in a.grants.diplomas):
                return True
    return False


@functools.lru_cache(maxsize=32)
def programme_graph(catalogue: Catalogue, as_of: dt.date) -> nx.DiGraph:
    """Offerings valid on ``as_of`` that change routes, with "enables" edges."""
    graph = nx.DiGraph()
    offerings = [p for p in catalogue.offerings(as_of=as_of) if p.changes_route]
    for p in offerings:
        graph.add_node(p.id, programme=p)
    for a in offerings:
        for b in offerings:
            if a.id != b.id and _enables(a, b):
                graph.add_edge(a.id, b.id)
    return graph
