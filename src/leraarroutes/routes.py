"""The route engine: every eligible route for a person, ranked, explained, on a date.

A route is a sequence of steps (programmes, entry tests, assessments, deficiency courses). Each
step's entry rule is checked in the state the person has reached just before it: the profile plus
everything earlier steps granted. A step whose rule is *unknown* for this person (no job stated,
a decision by an admission committee) makes the route *conditional*, and the route names the
condition; it is never left out silently.

>>> from leraarroutes import load_catalogue, Profile, Diploma, Level
>>> cat = load_catalogue()
>>> havo = Profile(diplomas=(Diploma(level=Level.HAVO, exam_subjects=("aardrijkskunde", "geschiedenis", "biologie")),))
>>> routes = find_routes(cat, havo, "po", as_of=dt.date(2024, 1, 1))
>>> [s.programme for s in routes[0].steps], routes[0].status, routes[0].months
(['pabo'], 'open', 48)

Cost: exponential in ``max_steps`` in the worst case; bounded by ``max_steps`` (default 6) and
``max_states`` (default 50,000 search states), after which :class:`SearchLimitError` is raised.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from leraarroutes._compiled import NO, UNKNOWN, YES, compiled, fold
from leraarroutes._graph import programme_graph

if TYPE_CHECKING:  # networkx is imported when the first graph is built, not at import
    import networkx as nx
from leraarroutes.catalogue import Catalogue
from leraarroutes.education import Diploma
from leraarroutes.errors import InputError, LeraarroutesError, UnknownNameError
from leraarroutes.profile import Job, Profile
from leraarroutes.programmes import Programme
from leraarroutes.qualifications import Qualification
from leraarroutes.rules import (
    HasCompleted,
    HasDiploma,
    HasJob,
    HoldsQualification,
    Reason,
    RuleContext,
    Truth,
)

__all__ = [
    "DEFAULT_MAX_STATES",
    "DEFAULT_MAX_STEPS",
    "Blocked",
    "Route",
    "SearchLimitError",
    "SortKey",
    "Step",
    "explain",
    "find_routes",
]

DEFAULT_MAX_STEPS = 6
"""Most steps in one route; the longest route in the shipped catalogue has 4."""

DEFAULT_MAX_STATES = 50_000
"""Most search states visited in one query before :class:`SearchLimitError` is raised."""

MAX_STEPS_LIMIT = 12
"""The largest ``max_steps`` accepted: deeper searches are refused rather than left to run."""


class SearchLimitError(LeraarroutesError):
    """The search visited more states than allowed; raise ``max_states`` or give a target."""


class SortKey(enum.StrEnum):
    """What routes are ranked by (ties: fewer steps, then step ids)."""

    MONTHS = "months"
    EC = "ec"
    COST = "cost"
    PAID = "paid"


@frozen(kw_only=True)
class Step:
    """One step of a route, with the figures after exemptions and why it was admitted."""

    programme: str
    kind: str
    name: str
    name_en: str | None
    providers: tuple[str, ...]
    months: int | None
    ec: int | None
    cost_eur: int | None
    paid_work: bool
    grants: tuple[str, ...]
    sources: tuple[str, ...]
    admitted_by: tuple[Reason, ...]
    conditions: tuple[Reason, ...]
    exemption: str | None
    estimated: bool

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        """The step as the documented JSON object."""
        return {
            "programme": self.programme,
            "kind": self.kind,
            "name": self.name_en if lang == "en" and self.name_en else self.name,
            "providers": list(self.providers),
            "months": self.months,
            "ec": self.ec,
            "cost_eur": self.cost_eur,
            "paid_work": self.paid_work,
            "grants": list(self.grants),
            "sources": list(self.sources),
            "admitted_by": [r.text(lang) for r in self.admitted_by],
            "conditions": [r.text(lang) for r in self.conditions],
            "exemption": self.exemption,
            "estimated": self.estimated,
        }


@frozen(kw_only=True)
class Route:
    """A route to a qualification: its steps and totals.

    ``months`` and ``ec`` add up the steps whose figures are known, and ``unknown_figures`` names
    the steps whose figures no source gives; ``cost_eur`` is the cost to the person, or None when a
    step's cost is unknown. ``status`` is ``"open"`` or ``"conditional"``.
    """

    qualification: str
    status: str
    conditions: tuple[str, ...]
    months: int
    ec: int
    cost_eur: int | None
    paid_months: int
    unknown_figures: tuple[str, ...]
    steps: tuple[Step, ...]

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        """The route as the documented JSON object."""
        return {
            "qualification": self.qualification,
            "status": self.status,
            "conditions": list(self.conditions),
            "months": self.months,
            "ec": self.ec,
            "cost_eur": self.cost_eur,
            "unknown_figures": list(self.unknown_figures),
            "steps": [s.to_json(lang) for s in self.steps],
        }

    @property
    def programmes(self) -> tuple[str, ...]:
        """The programme ids of the steps, in order."""
        return tuple(s.programme for s in self.steps)


@frozen(kw_only=True)
class Blocked:
    """A programme on the way to a target that the person cannot enter, why, and what would help."""

    programme: str
    kind: str
    reasons: tuple[Reason, ...]
    would_open: tuple[Reason, ...]
    sources: tuple[str, ...]

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        """The blocked programme as the documented JSON object."""
        return {
            "programme": self.programme,
            "kind": self.kind,
            "reasons": [r.text(lang) for r in self.reasons],
            "would_open": [r.text(lang) for r in self.would_open],
            "sources": list(self.sources),
        }


def _target(target: str | Qualification | None) -> Qualification | None:
    if target is None or isinstance(target, Qualification):
        return target
    try:
        return Qualification.parse(target)
    except ValueError as exc:
        raise UnknownNameError(str(exc)) from None


def _sort(sort: SortKey | str) -> SortKey:
    try:
        return SortKey(sort)
    except ValueError:
        choices = ", ".join(k.value for k in SortKey)
        raise InputError(f"unknown sort key {sort!r}; valid: {choices}") from None


def _cost(p: Programme, as_of: dt.date) -> int | None:
    costs = [c for c in p.costs if c.payer == "deelnemer"]
    dated = [(int(y), c) for c in costs if (y := "".join(ch for ch in c.period if ch.isdigit())[:4])]
    usable = [(y, c) for y, c in dated if y <= as_of.year] or dated
    if not usable:
        return None
    latest = max(y for y, _ in usable)
    return next(c.amount_eur for y, c in usable if y == latest)


def _make_step(
    p: Programme,
    state: Profile,
    context: RuleContext,
    verdict_reasons: tuple[Reason, ...],
    as_of: dt.date,
) -> Step:
    months = min((d.months for d in p.durations), default=None)
    ec = p.ec
    exemption_text = None
    estimated = False
    best = None
    for e in p.exemptions:
        applies = e.when.evaluate(state, context).truth is Truth.YES and (e.ec_off > 0 or e.months is not None)
        if applies and (best is None or e.ec_off > best.ec_off):
            best = e
    if best is not None:
        exemption_text = best.note
        if best.months is not None:
            months = best.months
        if ec is not None and best.ec_off:
            new_ec = max(ec - best.ec_off, 0)
            if best.months is None and months is not None and ec:
                months = math.ceil(months * new_ec / ec)
                estimated = True
            ec = new_ec
    return Step(
        programme=p.id,
        kind=p.kind.value,
        name=p.name,
        name_en=p.name_en,
        providers=p.providers,
        months=months,
        ec=ec,
        cost_eur=_cost(p, as_of),
        paid_work=bool(p.paid_work),
        grants=tuple(str(q) for q in p.grants.qualifications),
        sources=tuple(str(s) for s in p.sources),
        admitted_by=tuple(r for r in verdict_reasons if r.truth is Truth.YES),
        conditions=tuple(r for r in verdict_reasons if r.truth is Truth.UNKNOWN),
        exemption=exemption_text,
        estimated=estimated,
    )


def _route(qualification: Qualification, steps: tuple[Step, ...], lang: str = "nl") -> Route:
    conditions = tuple(f"{s.programme}: {c.text(lang)}" for s in steps for c in s.conditions)
    costs = [s.cost_eur for s in steps]
    # A step with no duration and no EC (an entry test) costs nothing a source would state.
    unknown_cost = any(c is None and (s.months or s.ec) for c, s in zip(costs, steps, strict=True))
    return Route(
        qualification=str(qualification),
        status="conditional" if conditions else "open",
        conditions=conditions,
        months=sum(s.months or 0 for s in steps),
        ec=sum(s.ec or 0 for s in steps),
        cost_eur=None if unknown_cost else sum(c or 0 for c in costs),
        paid_months=sum(s.months or 0 for s in steps if s.paid_work),
        unknown_figures=tuple(
            f"{s.programme}: {what}"
            for s in steps
            for what, value in (("months", s.months), ("ec", s.ec))
            if value is None
        ),
        steps=steps,
    )


def _sort_key(key: SortKey) -> Callable[[Route], tuple[Any, ...]]:
    def primary(r: Route) -> tuple[Any, ...]:
        if key is SortKey.EC:
            return (r.ec, r.months)
        if key is SortKey.COST:
            return (math.inf if r.cost_eur is None else r.cost_eur, r.months)
        if key is SortKey.PAID:
            return (-r.paid_months, r.months)
        return (r.months, r.ec)

    return lambda r: (*primary(r), r.status != "open", len(r.steps), r.programmes, r.qualification)


def _dominates(a: Route, b: Route) -> bool:
    ca = math.inf if a.cost_eur is None else a.cost_eur
    cb = math.inf if b.cost_eur is None else b.cost_eur
    at_least = a.months <= b.months and a.ec <= b.ec and ca <= cb and a.paid_months >= b.paid_months
    better = a.months < b.months or a.ec < b.ec or ca < cb or a.paid_months > b.paid_months
    return at_least and better and (a.status == "open" or b.status != "open")


def find_routes(
    catalogue: Catalogue,
    profile: Profile,
    target: str | Qualification | None = None,
    *,
    as_of: dt.date | None = None,
    sort: SortKey | str = SortKey.MONTHS,
    pareto: bool = False,
    limit: int | None = None,
    max_steps: int = DEFAULT_MAX_STEPS,
    max_states: int = DEFAULT_MAX_STATES,
    lang: str = "nl",
) -> tuple[Route, ...]:
    """Every route from ``profile`` to ``target`` (or to every qualification it can reach).

    Only programmes valid on ``as_of`` (default: today) are used. A route's steps before the last
    are prerequisites: each opens (or makes more certain) the entry to a later step, and a step
    that grants a qualification is taken on the way only when a later step asks for that
    qualification. Routes whose steps are a superset of another route to the same qualification are
    dropped; ``pareto`` keeps only the routes no other route to the same qualification beats on
    months, EC, cost and paid months together; ``limit`` keeps the first k after sorting by
    ``sort``. The order is deterministic.

    Raises :class:`~leraarroutes.UnknownNameError` for a malformed target,
    :class:`~leraarroutes.InputError` for a bad option (``max_steps`` outside 1 to
    :data:`MAX_STEPS_LIMIT`, an unknown sort key), and :class:`SearchLimitError` when more than
    ``max_states`` states would be visited.
    """
    day = as_of or dt.date.today()
    goal = _target(target)
    key = _sort(sort)
    if not 1 <= max_steps <= MAX_STEPS_LIMIT:
        raise InputError(f"max_steps must be between 1 and {MAX_STEPS_LIMIT}, not {max_steps}")
    if limit is not None and limit < 0:
        raise InputError(f"limit must be 0 or more, not {limit}")
    graph = programme_graph(catalogue, day)
    if goal is None:
        goals = sorted(
            {q for _, d in graph.nodes(data=True) for q in d["programme"].grants.qualifications if not profile.holds(q)}
        )
    else:
        goals = [goal]
    search = _Search(
        catalogue=catalogue,
        graph=graph,
        profile=profile,
        day=day,
        max_steps=max_steps,
        max_states=max_states,
        lang=lang,
    )
    unique: dict[tuple[str, tuple[str, ...]], Route] = {}
    for g in goals:
        for r in search.routes_to(g):
            unique.setdefault((r.qualification, r.programmes), r)
    routes = _drop_detours(list(unique.values()))
    if pareto:
        routes = [r for r in routes if not any(_dominates(o, r) for o in routes if o.qualification == r.qualification)]
    routes.sort(key=_sort_key(key))
    return tuple(routes[:limit] if limit is not None else routes)


Plan = tuple[int, ...]
"""Steps as offering numbers of the compiled graph, in order."""


def _granting(graph: nx.DiGraph, goal: Qualification) -> list[str]:
    """The offerings that grant ``goal`` (or a wider qualification), looked up once per graph."""
    index: dict[Qualification, list[str]] = graph.graph.setdefault("granting", {})
    if goal not in index:
        index[goal] = sorted(
            n for n, d in graph.nodes(data=True) if any(q.includes(goal) for q in d["programme"].grants.qualifications)
        )
    return index[goal]


class _Search:
    """Goal regression: to enter a programme, first take the steps that bring its entry closer.

    A step before the last is taken only when it is a predecessor (in the programme graph) of the
    step it prepares and makes more of that step's entry rule hold (its progress: the ranks of the
    rule's atoms added up, NO 0, UNKNOWN 1, YES 2). A step linked to the prepared one only by a
    diploma level, that grants a qualification the prepared step does not ask for, is a detour and
    is not taken (a tweedegraads bachelor to enter a verkorte pabo).

    A state is the set of steps taken, as a bit mask over the compiled graph's offerings; truths
    are cached per atom and per the steps that can change it (see :mod:`leraarroutes._compiled`).
    """

    def __init__(
        self,
        *,
        catalogue: Catalogue,
        graph: nx.DiGraph,
        profile: Profile,
        day: dt.date,
        max_steps: int,
        max_states: int,
        lang: str,
    ) -> None:
        self.graph = graph
        self.start = profile
        self.day = day
        self.context = catalogue.context(day)
        self.code = compiled(graph, self.context)
        self.done_before = self.code.mask_of(profile.completed)
        self.max_steps = max_steps
        self.budget = max_states
        self.max_states = max_states
        self.lang = lang
        self.memo: dict[tuple[int, int, int], list[Plan]] = {}
        self.atom_truths: dict[tuple[int, int], int] = {}
        self.entry_truths: dict[tuple[int, int], tuple[int, int]] = {}
        self.states: dict[int, Profile] = {0: profile}
        self.replayed: dict[Plan, tuple[Profile, Step]] = {}

    def routes_to(self, goal: Qualification) -> list[Route]:
        number = self.code.number
        programmes = self.code.programmes
        found: dict[frozenset[int], Route] = {}
        for n in _granting(self.graph, goal):
            for plan in self._plans(number[n], 0, self.max_steps):
                if any(q.includes(goal) for step in plan[:-1] for q in programmes[step].grants.qualifications):
                    continue  # the goal was reached before the last step: a longer copy of a shorter route
                key = frozenset(plan)
                if key not in found:
                    found[key] = self._replay(plan, goal)
        return list(found.values())

    def _replay(self, plan: Plan, goal: Qualification) -> Route:
        """The route of ``plan``, each step's verdict taken in the state just before it."""
        steps = []
        state = self.start
        for i in range(len(plan)):
            done = self.replayed.get(plan[: i + 1])
            if done is None:
                p = self.code.programmes[plan[i]]
                verdict = p.entry.evaluate(state, self.context)
                step = _make_step(p, state, self.context, verdict.reasons, self.day)
                grants = p.grants
                after = state.gain(programme=p.id, qualifications=grants.qualifications, diplomas=grants.diplomas)
                done = self.replayed[plan[: i + 1]] = (after, step)
            state, step = done
            steps.append(step)
        last = self.code.programmes[plan[-1]]
        granted = next(q for q in last.grants.qualifications if q.includes(goal))
        return _route(granted, tuple(steps), self.lang)

    def _state(self, taken: int) -> Profile:
        """The profile once the steps in ``taken`` are completed (in offering order)."""
        state = self.states.get(taken)
        if state is None:
            last = taken.bit_length() - 1
            p = self.code.programmes[last]
            grants = p.grants
            state = self._state(taken ^ (1 << last)).gain(
                programme=p.id, qualifications=grants.qualifications, diplomas=grants.diplomas
            )
            self.states[taken] = state
        return state

    def _atom(self, atom: int, taken: int) -> int:
        key = (atom, taken & self.code.atom_mask[atom])
        truth = self.atom_truths.get(key)
        if truth is None:
            verdict = self.code.atoms[atom].evaluate(self._state(key[1]), self.context)
            truth = self.atom_truths[key] = _RANK[verdict.truth]
        return truth

    def _entry(self, n: int, taken: int) -> tuple[int, int]:
        """The truth of offering ``n``'s entry rule after ``taken``, and its progress."""
        key = (n, taken & self.code.entry_mask[n])
        known = self.entry_truths.get(key)
        if known is None:
            relevant = key[1]
            truth = fold(self.code.shapes[n], lambda a: self._atom(a, relevant))
            progress = sum(self._atom(a, relevant) for a in self.code.parts[n])
            known = self.entry_truths[key] = (truth, progress)
        return known

    def _plans(self, n: int, taken: int, depth: int) -> list[Plan]:
        """Step sequences, at most ``depth`` long, that end by entering offering ``n``."""
        key = (n, taken, depth)
        plans = self.memo.get(key)
        if plans is not None:
            return plans
        self.budget -= 1
        if self.budget < 0:
            raise SearchLimitError(
                f"the search visited more than {self.max_states:,} states; pass a target or raise max_states"
            )
        plans = []
        if depth > 0 and not (self.done_before | taken) >> n & 1:
            truth = self._entry(n, taken)[0]
            if truth != NO:
                plans.append((n,))
            if truth != YES and depth > 1:
                plans += self._prepared(n, taken, depth)
        self.memo[key] = plans
        return plans

    def _prepared(self, n: int, taken: int, depth: int) -> list[Plan]:
        before = self._entry(n, taken)[1]
        plans: list[Plan] = []
        done = self.done_before | taken
        for pred in self.code.preparers[n]:
            if done >> pred & 1:
                continue
            for first in self._plans(pred, taken, depth - 1):
                after = taken
                for step in first:
                    after |= 1 << step
                if self._entry(n, after)[1] <= before:
                    continue
                plans += [first + rest for rest in self._plans(n, after, depth - len(first))]
        return plans


_RANK = {Truth.NO: NO, Truth.UNKNOWN: UNKNOWN, Truth.YES: YES}


def _drop_detours(routes: list[Route]) -> list[Route]:
    """Drop a route when an open route to the same qualification uses a subset of its steps.

    A conditional shorter route does not drop a longer one: the extra steps may be what makes
    the difference when the condition fails (a deficiency course, a premaster).
    """
    by_q: dict[str, list[Route]] = {}
    for r in routes:
        by_q.setdefault(r.qualification, []).append(r)
    kept = []
    for group in by_q.values():
        for r in group:
            mine = set(r.programmes)
            if not any(set(o.programmes) < mine and o.status == "open" for o in group):
                kept.append(r)
    return kept


def explain(
    catalogue: Catalogue,
    profile: Profile,
    target: str | Qualification,
    *,
    as_of: dt.date | None = None,
) -> tuple[Blocked, ...]:
    """The programmes on the way to ``target`` that ``profile`` cannot enter now.

    Each comes with the failed requirements (and their sources) and the single changes that would
    open it: a completed programme, a qualification, a job at a school, a diploma. Raises
    :class:`~leraarroutes.UnknownNameError` for a malformed target.
    """
    day = as_of or dt.date.today()
    goal = _target(target)
    if goal is None:  # pragma: no cover - typed as required
        raise UnknownNameError("explain needs a target qualification")
    graph = programme_graph(catalogue, day)
    context = catalogue.context(day)
    blocked = []
    for n in sorted(_specific_ancestors(graph, goal)):
        p: Programme = graph.nodes[n]["programme"]
        if p.id in profile.completed:
            continue
        verdict = p.entry.evaluate(profile, context)
        if verdict.truth is not Truth.NO:
            continue
        openers = [
            label
            for label, changed in _single_changes(p, profile, graph)
            if p.entry.evaluate(changed, context).truth is not Truth.NO
        ]
        blocked.append(
            Blocked(
                programme=p.id,
                kind=p.kind.value,
                reasons=verdict.reasons,
                would_open=tuple(dict.fromkeys(openers)),
                sources=tuple(str(s) for s in p.sources),
            )
        )
    return tuple(blocked)


def _specific_ancestors(graph: nx.DiGraph, goal: Qualification) -> set[str]:
    """Programmes granting ``goal``, and those linked to them by a specific requirement.

    Specific means a completion, qualification or deficiency link, not merely a shared diploma level.
    """
    found = {
        n for n, d in graph.nodes(data=True) if any(q.includes(goal) for q in d["programme"].grants.qualifications)
    }
    todo = list(found)
    while todo:
        n = todo.pop()
        for pred in graph.predecessors(n):
            if pred not in found and graph.edges[pred, n]["via"] not in ("diploma", "exemption"):
                found.add(pred)
                todo.append(pred)
    return found


def _change(nl: str, en: str) -> Reason:
    return Reason(truth=Truth.YES, nl=nl, en=en)


def _single_changes(p: Programme, profile: Profile, graph: nx.DiGraph) -> Iterable[tuple[Reason, Profile]]:
    """One-fact changes to ``profile`` that could open ``p``, each with its label."""
    for pred in sorted(graph.predecessors(p.id)):
        if graph.edges[pred, p.id]["via"] not in ("completed", "deficiency"):
            continue
        q: Programme = graph.nodes[pred]["programme"]
        yield (
            _change(f"eerst {pred} afronden", f"first complete {pred}"),
            profile.gain(programme=q.id, qualifications=q.grants.qualifications, diplomas=q.grants.diplomas),
        )
    for node in p.entry.walk():
        if isinstance(node, HoldsQualification):
            q_text = str(node.qualification)
            yield (
                _change(f"bevoegdheid {q_text}", f"the qualification {q_text}"),
                attrs.evolve(profile, qualifications=(*profile.qualifications, node.qualification)),
            )
        elif isinstance(node, HasJob):
            where = node.sector.value + (f" ({node.subject})" if node.subject else "")
            yield (
                _change(f"baan in het {where}", f"a job in {where}"),
                attrs.evolve(profile, job=Job(sector=node.sector, subject=node.subject)),
            )
        elif isinstance(node, HasCompleted):
            for pid in node.programmes:
                yield _change(f"eerst {pid} afronden", f"first complete {pid}"), profile.gain(programme=pid)
        elif isinstance(node, HasDiploma) and not node.programmes and node.related_to is None:
            level = node.levels[0]
            age_nl = f" van hoogstens {node.max_age_years} jaar oud" if node.max_age_years is not None else ""
            age_en = f" at most {node.max_age_years} years old" if node.max_age_years is not None else ""
            yield (
                _change(f"diploma {level.value}{age_nl}", f"a {level.value} diploma{age_en}"),
                attrs.evolve(profile, diplomas=(*profile.diplomas, Diploma(level=level))),
            )
