"""The programme graph compiled for the route search (internal).

The search asks two things of an entry rule in a state (the profile plus the steps taken so far):
its truth, and how many of its parts hold. Both follow from the truths of the rule's *atoms*, the
parts that are not an ``all`` or ``any``: a leaf, or a ``not`` around anything. An atom's truth
depends on the profile and on the steps taken, but only on the steps whose gains can change it
(a qualification it asks for, a programme it wants completed, a diploma level it counts). So each
atom carries a bit mask of those steps, and its truth is computed once per profile and per subset
of those steps actually taken: for most atoms, once per query.

Offerings are numbered in graph order; a set of steps is an ``int`` with one bit per offering.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, TypeAlias

from attrs import frozen

from leraarroutes.programmes import Programme
from leraarroutes.rules import (
    AllOf,
    AnyOf,
    Decision,
    ExamSubject,
    HasCompleted,
    HasDiploma,
    HasJob,
    HoldsQualification,
    IsStudying,
    Not,
    Rule,
    RuleContext,
    SubjectEc,
    WorkExperience,
)

if TYPE_CHECKING:
    import networkx as nx

NO, UNKNOWN, YES = 0, 1, 2
"""Truths as ranks: Kleene ``and`` is ``min`` and ``or`` is ``max`` over them."""

Shape: TypeAlias = "int | tuple[bool, tuple[Shape, ...]]"
"""An entry rule over atom numbers: an atom, or ``(is_all, parts)`` for ``all``/``any``."""


@frozen
class Compiled:
    """One graph's offerings, entry rules and atoms as numbers and masks."""

    programmes: tuple[Programme, ...]
    number: Mapping[str, int]
    preparers: tuple[tuple[int, ...], ...]
    atoms: tuple[Rule, ...]
    atom_mask: tuple[int, ...]
    """Per atom: the offerings whose completion can change its truth."""
    shapes: tuple[Shape, ...]
    """Per offering: its entry rule over atom numbers."""
    parts: tuple[tuple[int, ...], ...]
    """Per offering: the atoms of its entry rule, once per occurrence (their ranks add up to progress)."""
    entry_mask: tuple[int, ...]
    """Per offering: the offerings whose completion can change its entry rule."""
    exemptions: tuple[tuple[Shape, ...], ...]
    """Per offering: the ``when`` rule of each of its exemptions, over atom numbers."""
    exemption_mask: tuple[int, ...]
    """Per offering: the offerings whose completion can change one of its exemptions."""

    def mask_of(self, ids: Iterable[str]) -> int:
        """The bits of those ``ids`` that are offerings of this graph."""
        mask = 0
        for pid in ids:
            n = self.number.get(pid)
            if n is not None:
                mask |= 1 << n
        return mask


def compiled(graph: nx.DiGraph, context: RuleContext) -> Compiled:
    """The compiled form of ``graph``, built on first use and kept with the graph.

    ``context`` is used only for the kind of a programme id, which does not depend on the date.
    """
    found: Compiled | None = graph.graph.get("compiled")
    if found is None:
        found = graph.graph["compiled"] = _compile(graph, context)
    return found


def _compile(graph: nx.DiGraph, context: RuleContext) -> Compiled:
    programmes: tuple[Programme, ...] = tuple(graph.nodes[n]["programme"] for n in graph.nodes)
    number: dict[str, int] = {p.id: i for i, p in enumerate(programmes)}
    atoms: list[Rule] = []
    atom_number: dict[Rule, int] = {}

    def shape(rule: Rule, parts: list[int]) -> Shape:
        if isinstance(rule, (AllOf, AnyOf)):
            return (isinstance(rule, AllOf), tuple(shape(r, parts) for r in rule.rules))
        n = atom_number.get(rule)
        if n is None:
            n = atom_number[rule] = len(atoms)
            atoms.append(rule)
        parts.append(n)
        return n

    shapes, parts, exemptions, exemption_parts = [], [], [], []
    for p in programmes:
        mine: list[int] = []
        shapes.append(shape(p.entry, mine))
        parts.append(tuple(mine))
        theirs: list[int] = []
        exemptions.append(tuple(shape(e.when, theirs) for e in p.exemptions))
        exemption_parts.append(theirs)
    atom_mask = tuple(sum(1 << i for i, p in enumerate(programmes) if _touches(atom, p, context)) for atom in atoms)
    entry_mask = tuple(_union(atom_mask[a] for a in mine) for mine in parts)
    exemption_mask = tuple(_union(atom_mask[a] for a in theirs) for theirs in exemption_parts)
    preparers = tuple(tuple(number[q] for q in graph.nodes[p.id]["preparers"]) for p in programmes)
    return Compiled(
        programmes=programmes,
        number=number,
        preparers=preparers,
        atoms=tuple(atoms),
        atom_mask=atom_mask,
        shapes=tuple(shapes),
        parts=tuple(parts),
        entry_mask=entry_mask,
        exemptions=tuple(exemptions),
        exemption_mask=exemption_mask,
    )


def _union(masks: Iterable[int]) -> int:
    out = 0
    for m in masks:
        out |= m
    return out


def _touches(rule: Rule, p: Programme, context: RuleContext) -> bool:
    """Whether completing ``p`` (and receiving its grants) can change the verdict of ``rule``.

    A rule type not listed here is assumed to be changed by every step, which is always sound.
    """
    if isinstance(rule, (AllOf, AnyOf, Not)):
        return any(_touches(r, p, context) for r in rule.children())
    if isinstance(rule, HasCompleted):
        return p.id in rule.programmes or (
            rule.kind is not None
            and context.programme_kind(p.id) == rule.kind
            and (rule.subject is None or p.id.endswith(f"/{rule.subject}"))
        )
    if isinstance(rule, SubjectEc):
        return (
            rule.deficiency_kind is not None
            and context.programme_kind(p.id) == rule.deficiency_kind
            and p.id.endswith(f"/{rule.subject}")
        )
    if isinstance(rule, HoldsQualification):
        return any(g.includes(rule.qualification) for g in p.grants.qualifications)
    if isinstance(rule, (HasDiploma, ExamSubject)):
        return any(d.level in rule.levels for d in p.grants.diplomas)
    return not isinstance(rule, (IsStudying, HasJob, WorkExperience, Decision))


def fold(shape: Shape, truth_of: Callable[[int], int]) -> int:
    """The truth of an entry rule from its atoms' truths (``min`` for all, ``max`` for any)."""
    if isinstance(shape, int):
        return truth_of(shape)
    is_all, inner = shape
    if is_all:
        out = YES
        for s in inner:
            out = min(out, fold(s, truth_of))
            if out == NO:
                break
        return out
    out = NO
    for s in inner:
        out = max(out, fold(s, truth_of))
        if out == YES:
            break
    return out
