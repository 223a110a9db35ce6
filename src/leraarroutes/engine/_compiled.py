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

import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TypeAlias

from attrs import frozen

from leraarroutes.catalogue.programmes import Programme
from leraarroutes.engine._found import Figures, Found
from leraarroutes.ids import offering_subject
from leraarroutes.model.education import Level
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules import (
    RULE_TYPES,
    AllOf,
    AnyOf,
    Before,
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
    VocationalSubject,
    WorkExperience,
)

if TYPE_CHECKING:
    from leraarroutes.engine._graph import Links


NO, UNKNOWN, YES = 0, 1, 2
"""Truths as ranks: Kleene ``and`` is ``min`` and ``or`` is ``max`` over them."""

Shape: TypeAlias = "int | tuple[bool, tuple[Shape, ...]]"
"""A rule over atom numbers: an atom, or ``(is_all, parts)`` for ``all``/``any``."""


@frozen
class Condition:
    """A rule over atoms: the atoms it is made of, and how their truths combine into its truth.

    ``atoms`` lists the rule's atoms once per occurrence; ``truth`` takes their truths in that
    order. The sum of those truths is the rule's progress (how much of it holds).
    """

    atoms: tuple[int, ...]
    truth: Callable[[Sequence[int]], int]
    mask: int
    """The offerings whose completion can change the truth of one of the atoms."""
    reads: tuple[str, ...] | None
    """The profile fields the atoms read, or None when one of them is a rule type of the user's."""


Question: TypeAlias = tuple[int, int, int]
"""A rule asked in a state: (offering, -1 for its entry or the number of its exemption, the steps
taken that can change the answer)."""
Answer: TypeAlias = "tuple[int, int] | int"
"""What the search learns from a question: an entry's truth and progress, or an exemption's truth."""


@frozen
class Leaf:
    """Where a route skeleton ends: the routes the search found, with their figures."""

    routes: tuple[Found, ...]


@frozen
class Ask:
    """A route skeleton: the search for a goal, compiled from the answers it was given.

    The goal regression asks entry rules in states and decides from the answers alone which
    steps to try next, and a route's figures follow from the same answers and its exemptions'
    conditions; nothing else about the person reaches them (the steps they already took, the
    year and the study form are part of the skeleton's key). So the questions asked, and the
    routes found, are a function of the answers: a tree whose node is the next question
    (``question``), with one branch per answer met so far (``next``), and whose leaves hold the
    routes. A query walks the tree answering only those questions; where its answer has no
    branch yet, the search runs, and its questions and routes become a new branch.
    """

    question: Question
    next: dict[Answer, Ask | Leaf]


@frozen
class Compiled:
    """One graph's offerings, entry rules and atoms as numbers and masks."""

    programmes: tuple[Programme, ...]
    number: Mapping[str, int]
    preparers: tuple[tuple[int, ...], ...]
    plan_mask: tuple[int, ...]
    """Per offering: the steps whose being taken can change the plans that end by entering it
    (itself, what changes its entry rule, and the same for its preparers, transitively)."""
    atoms: tuple[Rule, ...]
    atom_mask: tuple[int, ...]
    """Per atom: the offerings whose completion can change its truth."""
    atom_reads: tuple[tuple[str, ...] | None, ...]
    """Per atom: the profile fields its verdict depends on (:meth:`Rule.reads`), or None for an
    atom with a rule type of the user's: its verdicts are not shared, so an impure one shows."""
    verdicts: dict[tuple[int, int, int], int]
    """Atom truths per atom, steps taken and signature, shared by all queries."""
    signatures: dict[tuple[object, ...], int]
    """Signature numbers per (fields read, date, the profile's values of them)."""
    signature_numbers: Iterator[int]
    """Where signature numbers come from: each is used once."""
    entry_truths: dict[tuple[int, int, int], tuple[int, int]]
    """Entry truth and progress per offering, steps taken and signature, shared by all queries."""
    figures: dict[tuple[int, int, bool, int, str], Figures]
    """Step figures per offering, exemption, certainty, year and study form, shared by all queries."""
    routes: dict[tuple[Qualification, tuple[int, ...], tuple[Figures, ...]], Found]
    """Found routes per granted qualification, plan and step figures, shared by all queries."""
    entries: tuple[Condition, ...]
    """Per offering: its entry rule."""
    exemptions: tuple[tuple[Condition, ...], ...]
    """Per offering: the ``when`` rule of each of its exemptions."""
    granted_by: Mapping[Qualification, tuple[int, ...]]
    """Per qualification some offering grants: those offerings."""
    granted_by_subject: Mapping[str | None, tuple[Qualification, ...]]
    """The granted qualifications per subject (None for those without one)."""
    granting_goal: dict[Qualification, tuple[int, ...]]
    """Per goal asked: the offerings granting it or a wider qualification, in id order."""
    granting_masks: dict[Qualification, int]
    """Per goal asked: the same offerings as a bit mask."""
    granted: dict[tuple[int, Qualification], Qualification]
    """Per offering and goal asked: the qualification it grants that includes the goal."""
    skeletons: dict[tuple[object, ...], Ask | Leaf]
    """Route skeletons per goal, limits, steps done before, year and study form: see :class:`Ask`."""
    skeleton_nodes: list[int]
    """How many nodes the skeletons hold (one number, in a list so that it can change)."""

    def granting(self, goal: Qualification) -> tuple[int, ...]:
        """The offerings that grant ``goal`` (or a wider qualification), in id order.

        A goal compares itself with the few distinct granted qualifications, not with every
        offering (which made an untargeted query, asking for every goal, quadratic in the
        catalogue's size); the answer is kept.
        """
        found = self.granting_goal.get(goal)
        if found is None:
            # a qualification includes another only of the same subject (or is equal to it)
            same_subject = self.granted_by_subject.get(goal.subject, ())
            ends = {n for q in same_subject if q.includes(goal) for n in self.granted_by[q]}
            found = self.granting_goal[goal] = tuple(sorted(ends, key=lambda n: self.programmes[n].id))
        return found

    def granting_mask(self, goal: Qualification) -> int:
        """:meth:`granting` as a bit mask."""
        mask = self.granting_masks.get(goal)
        if mask is None:
            mask = self.granting_masks[goal] = _union(1 << n for n in self.granting(goal))
        return mask

    def forget(self) -> None:
        """Empty every store shared between queries, so the next query starts from nothing."""
        for store in (self.verdicts, self.signatures, self.entry_truths, self.figures, self.routes, self.skeletons):
            store.clear()
        self.skeleton_nodes[0] = 0

    def mask_of(self, ids: Iterable[str]) -> int:
        """The bits of those ``ids`` that are offerings of this graph."""
        mask = 0
        for pid in ids:
            n = self.number.get(pid)
            if n is not None:
                mask |= 1 << n
        return mask


def compiled(links: Links, context: RuleContext) -> Compiled:
    """The compiled form of ``links``, built on first use and kept with them.

    ``context`` is used only for the kind of a programme id, which does not depend on the date.
    """
    found: Compiled | None = links.derived.get("compiled")
    if found is None:
        found = links.derived["compiled"] = _compile(links, context)
    return found


def _compile(links: Links, context: RuleContext) -> Compiled:
    programmes: tuple[Programme, ...] = links.offerings
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

    shaped: list[tuple[tuple[Shape, list[int]], tuple[tuple[Shape, list[int]], ...]]] = []
    for p in programmes:
        entry_parts: list[int] = []
        entry = (shape(p.entry, entry_parts), entry_parts)
        exemptions = []
        for e in p.exemptions:
            when_parts: list[int] = []
            exemptions.append((shape(e.when, when_parts), when_parts))
        shaped.append((entry, tuple(exemptions)))
    changers = _Changers(programmes, context)
    atom_mask = tuple(changers.mask(atom) for atom in atoms)
    atom_reads = tuple(
        tuple(sorted(atom.reads())) if all(type(r) in RULE_TYPES for r in atom.walk()) else None for atom in atoms
    )

    def condition(rule_shape: Shape, parts: list[int]) -> Condition:
        return Condition(
            atoms=tuple(parts),
            truth=_folder(rule_shape, iter(range(len(parts)))),
            mask=_union(atom_mask[a] for a in parts),
            reads=None
            if any(atom_reads[a] is None for a in parts)
            else tuple(sorted({name for a in parts for name in atom_reads[a] or ()})),
        )

    preparers = tuple(tuple(number[q] for q in links.preparers[p.id]) for p in programmes)
    granted_by: dict[Qualification, list[int]] = {}
    for i, p in enumerate(programmes):
        for q in p.grants.qualifications:
            granted_by.setdefault(q, []).append(i)
    entries = tuple(condition(*entry) for entry, _ in shaped)
    return Compiled(
        programmes=programmes,
        number=number,
        preparers=preparers,
        plan_mask=_plan_masks(preparers, entries),
        atoms=tuple(atoms),
        atom_mask=atom_mask,
        atom_reads=atom_reads,
        verdicts={},
        signatures={},
        signature_numbers=itertools.count(),
        entry_truths={},
        figures={},
        routes={},
        entries=entries,
        exemptions=tuple(tuple(condition(*e) for e in exemptions) for _, exemptions in shaped),
        granted_by={q: tuple(nodes) for q, nodes in granted_by.items()},
        granted_by_subject=_by_subject(granted_by),
        granting_goal={},
        granting_masks={},
        granted={},
        skeletons={},
        skeleton_nodes=[0],
    )


def _by_subject(qualifications: Iterable[Qualification]) -> dict[str | None, tuple[Qualification, ...]]:
    found: dict[str | None, list[Qualification]] = defaultdict(list)
    for q in qualifications:
        found[q.subject].append(q)
    return {subject: tuple(qs) for subject, qs in found.items()}


def _plan_masks(preparers: Sequence[Sequence[int]], entries: Sequence[Condition]) -> tuple[int, ...]:
    """The smallest masks where mask[n] holds n, the entry mask of n and the mask of each preparer of n."""
    masks = [1 << n | entries[n].mask for n in range(len(entries))]
    changed = True
    while changed:  # preparers may form cycles: repeat until nothing grows
        changed = False
        for n, before in enumerate(masks):
            grown = before
            for p in preparers[n]:
                grown |= masks[p]
            if grown != before:
                masks[n] = grown
                changed = True
    return tuple(masks)


def _folder(shape: Shape, positions: Iterator[int]) -> Callable[[Sequence[int]], int]:
    """A function from the atoms' truths (in occurrence order) to the truth of ``shape``.

    Kleene ``and`` is ``min`` and ``or`` is ``max`` over the ranks NO < UNKNOWN < YES; an empty
    ``all`` holds and an empty ``any`` does not.
    """
    if isinstance(shape, int):
        return operator.itemgetter(next(positions))
    is_all, inner = shape
    combine = min if is_all else max
    if not inner:
        empty = YES if is_all else NO
        return lambda _truths: empty
    if all(isinstance(s, int) for s in inner):
        picked = [next(positions) for _ in inner]
        if len(picked) == 1:
            return operator.itemgetter(picked[0])
        getter = operator.itemgetter(*picked)
        return lambda truths: combine(getter(truths))
    parts = [_folder(s, positions) for s in inner]
    return lambda truths: combine(f(truths) for f in parts)


def _union(masks: Iterable[int]) -> int:
    out = 0
    for m in masks:
        out |= m
    return out


class _Changers:
    """Indexes answering, for a rule, which offerings can change its verdict when completed.

    Completing an offering adds its id to ``completed``, its qualifications and its diplomas, and
    nothing else; so a rule changes only through those. A rule type not known here is taken to be
    changed by every offering, which is always sound.
    """

    def __init__(self, programmes: Sequence[Programme], context: RuleContext) -> None:
        self.everyone = range(len(programmes))
        self.by_id: dict[str, list[int]] = defaultdict(list)
        self.by_kind: dict[str | None, list[int]] = defaultdict(list)
        self.by_kind_subject: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
        self.by_granted: dict[Qualification, list[int]] = defaultdict(list)
        self.granted_by_subject: dict[str | None, set[Qualification]] = defaultdict(set)
        self.by_granted_level: dict[Level, list[int]] = defaultdict(list)
        for i, p in enumerate(programmes):
            kind = context.programme_kind(p.id)
            self.by_id[p.id].append(i)
            self.by_kind[kind].append(i)
            self.by_kind_subject[kind, offering_subject(p.id)].append(i)
            for g in set(p.grants.qualifications):
                self.by_granted[g].append(i)
                self.granted_by_subject[g.subject].add(g)
            for level in {d.level for d in p.grants.diplomas}:
                self.by_granted_level[level].append(i)

    def mask(self, rule: Rule) -> int:
        """The offerings whose completion can change ``rule``'s verdict, as a bit mask."""
        bits = bytearray((len(self.everyone) + 7) // 8)
        for i in self._of(rule):
            bits[i >> 3] |= 1 << (i & 7)
        return int.from_bytes(bits, "little")

    def _of(self, rule: Rule) -> Iterable[int]:  # noqa: PLR0911 - one answer per rule type
        kind = type(rule)
        if kind in (AllOf, AnyOf, Not):
            return [i for r in rule.children() for i in self._of(r)]
        if kind is HasCompleted:
            assert isinstance(rule, HasCompleted)  # noqa: S101 - narrows the type for mypy
            found = [i for pid in rule.programmes for i in self.by_id.get(pid, ())]
            if rule.kind is not None:
                found += (
                    self.by_kind.get(rule.kind, [])
                    if rule.subject is None
                    else self.by_kind_subject.get((rule.kind, rule.subject), [])
                )
            return found
        if kind is SubjectEc:
            assert isinstance(rule, SubjectEc)  # noqa: S101
            found = self.by_kind_subject.get((rule.deficiency_kind, rule.subject), []) if rule.deficiency_kind else []
            if rule.table is not None:  # an unrelated wo bachelor closes it (found by the thorough run)
                found = [*found, *self.by_granted_level.get(Level.WO_BACHELOR, ())]
            return found
        if kind is HoldsQualification:
            assert isinstance(rule, HoldsQualification)  # noqa: S101
            q = rule.qualification
            return [i for g in self.granted_by_subject.get(q.subject, ()) if g.includes(q) for i in self.by_granted[g]]
        if kind in (HasDiploma, ExamSubject):
            assert isinstance(rule, (HasDiploma, ExamSubject))  # noqa: S101
            levels = rule.accepted_levels if isinstance(rule, HasDiploma) else rule.levels
            return [i for level in levels for i in self.by_granted_level.get(level, ())]
        if kind in (IsStudying, HasJob, WorkExperience, Decision, VocationalSubject, Before):
            return []
        return self.everyone
