"""The route search (internal): goal regression over the compiled programme graph.

The search finds plans (step sequences) and works out each plan's figures from truths alone:
whether each step is open or conditional, which exemption applies, months, EC and cost. Writing
out the reasons (:mod:`leraarroutes.engine.routes`) is left to the routes a caller keeps, and a batch
summary needs none of them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from leraarroutes.catalogue.programmes import Cost, Exemption, Programme
from leraarroutes.engine._compiled import NO, UNKNOWN, YES, Answer, Ask, Compiled, Condition, Leaf, Question, compiled
from leraarroutes.engine._found import CostBasis, Figures, Found, Plan, _found
from leraarroutes.engine._graph import Links, programme_links
from leraarroutes.errors import SearchLimitError
from leraarroutes.model.education import StudyForm
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules import Truth

if TYPE_CHECKING:
    from leraarroutes.catalogue.catalogue import Catalogue
    from leraarroutes.model.profile import Profile


MAX_SHARED_VERDICTS = 50_000
"""Most entries each store shared between queries keeps per compiled graph (atom and entry
truths, signatures, figures, routes); past it the store starts afresh, so memory stays flat."""

_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(store: dict[_K, _V], key: _K, value: _V) -> _V:
    """Keep ``value`` in a store shared between queries; a full store starts afresh (flat memory)."""
    if len(store) >= MAX_SHARED_VERDICTS:
        store.clear()
    store[key] = value
    return value


_RANK = {Truth.NO: NO, Truth.UNKNOWN: UNKNOWN, Truth.YES: YES}


def cost(p: Programme, as_of: dt.date) -> int | None:
    """What ``p`` costs its participant: the latest stated amount not after ``as_of``'s year."""
    stated = _stated_cost(p, as_of)
    return None if stated is None else stated[1].amount_eur


def _stated_cost(p: Programme, as_of: dt.date) -> tuple[int, Cost] | None:
    """The participant's cost to use, and the year it is of.

    The latest amount not after ``as_of``'s year, else the earliest one there is.
    """
    costs = [c for c in p.costs if c.payer == "deelnemer"]
    dated = [(int(y), c) for c in costs if (y := "".join(ch for ch in c.period if ch.isdigit())[:4])]
    usable = [(y, c) for y, c in dated if y <= as_of.year] or dated
    if not usable:
        return None
    pick = max(y for y, _ in usable) if any(y <= as_of.year for y, _ in usable) else min(y for y, _ in usable)
    return next((y, c) for y, c in usable if y == pick)


def _duration(p: Programme, form: StudyForm) -> tuple[int | None, int | None, str | None]:
    """Months (shortest, longest) and the form they are of.

    The form asked for when the programme has it, else voltijd, else the only form it has.
    """
    for wanted in (form, StudyForm.VOLTIJD, *(d.form for d in p.durations)):
        found = [d for d in p.durations if d.form is wanted]
        if found:
            shortest = min(found, key=lambda d: d.months)
            return shortest.months, shortest.months_max, wanted.value
    return None, None, None


def _figures(
    p: Programme, exemption: Exemption | None, conditional: bool, year: int, form: StudyForm = StudyForm.VOLTIJD
) -> Figures:
    months, months_max, used_form = _duration(p, form)
    ec = p.ec
    estimated = False
    if exemption is not None:
        if exemption.months is not None:
            months, months_max = exemption.months, None
        if ec is not None and exemption.ec_off:
            new_ec = max(ec - exemption.ec_off, 0)
            if exemption.months is None and months is not None and ec:
                months = math.ceil(months * new_ec / ec)
                months_max = None if months_max is None else math.ceil(months_max * new_ec / ec)
                estimated = True
            ec = new_ec
    amount, basis = _cost(p, year, months)
    return Figures(
        months=months,
        ec=ec,
        cost_eur=amount,
        cost_basis=basis,
        form=used_form,
        months_max=months_max,
        paid_work=bool(p.paid_work),
        exemption=None if exemption is None else exemption.note,
        estimated=estimated,
        conditional=conditional,
    )


def _cost(p: Programme, year: int, months: int | None) -> tuple[int | None, CostBasis | None]:
    """A step's cost for a question asked in ``year``; a yearly fee counts once per year it takes.

    A fee is of an academic year (``2025-2026``); the fee of the academic year that starts in
    ``year`` is used when known, else the latest before it, else the earliest after it (and the
    basis says it is not exact).
    """
    stated = _stated_cost(p, dt.date(year, 12, 31))
    if stated is None:
        return None, None
    fee_year, c = stated
    if not c.per_year:
        return c.amount_eur, None
    years = max(1, math.ceil(months / 12)) if months else 1
    basis = CostBasis(what=c.what, per_year=c.amount_eur, years=years, academic_year=c.period, exact=fee_year == year)
    return c.amount_eur * years, basis


class Search:
    """Goal regression: to enter a programme, first take the steps that bring its entry closer.

    A step before the last is taken only when it is a predecessor (in the programme graph) of the
    step it prepares and makes more of that step's entry rule hold (its progress: the ranks of the
    rule's atoms added up, NO 0, UNKNOWN 1, YES 2). A step linked to the prepared one only by a
    diploma level, that grants a qualification the prepared step does not ask for, is a detour and
    is not taken (a tweedegraads bachelor to enter a verkorte pabo).

    A state is the set of steps taken, as a bit mask over the compiled graph's offerings; truths
    are cached per atom and per the steps that can change it (see :mod:`leraarroutes.engine._compiled`).
    """

    def __init__(
        self,
        *,
        catalogue: Catalogue,
        links: Links,
        profile: Profile,
        day: dt.date,
        max_steps: int,
        max_states: int,
        form: StudyForm | None = None,
    ) -> None:
        self.form = form if form is not None else profile.chosen_form()[0]
        self.catalogue = catalogue
        self.start = profile
        self.day = day
        self.context = catalogue.context(day)
        self.code: Compiled = compiled(links, self.context)
        self.done_before = self.code.mask_of(profile.completed)
        self.max_steps = max_steps
        self.budget = max_states
        self.max_states = max_states
        self.memo: dict[tuple[int, int], tuple[int, list[Plan]]] = {}
        self.shorter: dict[tuple[int, int, int], list[Plan]] = {}
        self.base_truths: list[int | None] = [None] * len(self.code.atoms)
        self.atom_truths: dict[tuple[int, int], int] = {}
        self.entry_truths: dict[tuple[int, int], tuple[int, int]] = {}
        self.base_entries: list[tuple[int, int] | None] = [None] * len(self.code.entries)
        self.states: dict[int, Profile] = {0: profile}
        self.signatures: dict[tuple[str, ...], int] = {}
        self.end_plans: dict[int, list[tuple[Plan, frozenset[int]]]] = {}
        self._ask: Callable[[int, int], tuple[int, int]] = self._entry
        """How the search asks an entry rule: :meth:`_entry`, or a recording of it (:meth:`targeted`)."""
        self._ask_when: Callable[[int, int, int], int] = self._when
        """How the search asks an exemption's condition: :meth:`_when`, or a recording of it."""
        self.plan_figures: dict[Plan, tuple[Figures, ...]] = {}

    def prepare(self, goals: Sequence[Qualification]) -> None:
        """Find the plans into every offering that grants one of ``goals`` (an untargeted question).

        "What can I become?" asks ~100 goals and is searched directly: skeletons for it cost more
        than they saved (500 people: 15.4 s with one for the whole question, 9.8 s without; per goal:
        1,500 people 36.6 s against 33.5 s). Each goal's search has its own ``max_states``.
        """
        for goal in goals:
            self.budget = self.max_states  # the limit is per goal: a larger catalogue has more of them
            for end in self.code.granting(goal):
                self._end_plans(end)

    def targeted(self, goal: Qualification) -> list[Found]:
        """The routes to ``goal`` (detours dropped, not yet filtered or sorted), the way the skeleton knows.

        The route skeleton of a goal (:class:`leraarroutes.engine._compiled.Ask`) is walked by
        answering its questions for this person: entry rules and exemption conditions in states.
        Where it has no branch for an answer, the search runs and works out the routes' figures,
        and what it asked and found becomes a branch. Either way the routes are the search's.
        """
        key = (goal, self.max_steps, self.max_states, self.done_before, self.day.year, self.form)
        node = self.code.skeletons.get(key)
        while isinstance(node, Ask):
            n, i, relevant = node.question
            node = node.next.get(self._entry(n, relevant) if i < 0 else self._when(n, i, relevant))
        if isinstance(node, Leaf):
            return list(node.routes)
        tape: dict[Question, Answer] = {}  # each question once, in the order first asked
        code = self.code

        def recorded_entry(n: int, taken: int) -> tuple[int, int]:
            answer = self._entry(n, taken)
            tape.setdefault((n, -1, taken & code.entries[n].mask), answer)
            return answer

        def recorded_when(n: int, i: int, taken: int) -> int:
            answer = self._when(n, i, taken)
            tape.setdefault((n, i, taken & code.exemptions[n][i].mask), answer)
            return answer

        self._ask, self._ask_when = recorded_entry, recorded_when
        try:
            for end in code.granting(goal):
                self._end_plans(end)
            routes = _drop_detours(self.routes_to(goal))
        finally:
            self._ask, self._ask_when = self._entry, self._when
        self._grow_skeleton(key, list(tape.items()), Leaf(routes=tuple(routes)))
        return routes

    def _grow_skeleton(self, key: tuple[object, ...], tape: Sequence[tuple[Question, Answer]], leaf: Leaf) -> None:
        """Add the branch of one search (its questions and answers, in order) ending in ``leaf``."""
        code = self.code
        skeletons = code.skeletons
        if code.skeleton_nodes[0] + len(tape) + 1 > MAX_SHARED_VERDICTS:  # flat memory, like the other stores
            skeletons.clear()
            code.skeleton_nodes[0] = 0
        node = skeletons.get(key)
        if node is None:
            node = skeletons[key] = Ask(question=tape[0][0], next={}) if tape else leaf
            code.skeleton_nodes[0] += 1
        for i, (question, answer) in enumerate(tape):
            if not isinstance(node, Ask) or node.question != question:
                return  # another tree than this search's: cannot happen while the search depends on answers alone
            after = node.next.get(answer)
            if after is None:
                after = node.next[answer] = Ask(question=tape[i + 1][0], next={}) if i + 1 < len(tape) else leaf
                code.skeleton_nodes[0] += 1
            node = after

    def routes_to(self, goal: Qualification) -> list[Found]:
        """Every plan that ends by granting ``goal`` (or a wider qualification), with its figures.

        Asked for many goals (an untargeted query), the work is done once per offering, not per
        goal: an offering's plans (:meth:`_end_plans`), a plan's figures and its route are kept for
        the query, so a goal only picks its routes from them.
        """
        ends = self.code.granting(goal)
        reaching = self.code.granting_mask(goal)
        found: dict[frozenset[int], Found] = {}
        for end in ends:
            for plan, key in self._end_plans(end):
                if len(plan) > 1 and any(reaching >> step & 1 for step in plan[:-1]):
                    continue  # the goal was reached before the last step: a longer copy of a shorter route
                known = found.get(key)
                if known is None:
                    found[key] = self._found(goal, plan)
                elif known.status != "open":  # the same steps in another order may be certain
                    other = self._found(goal, plan)
                    if other.status == "open":
                        found[key] = other
        return list(found.values())

    def _end_plans(self, end: int) -> list[tuple[Plan, frozenset[int]]]:
        """The plans that end by entering offering ``end``, each with its set of steps; kept per query."""
        known = self.end_plans.get(end)
        if known is None:
            known = self.end_plans[end] = [(plan, frozenset(plan)) for plan in self._plans(end, 0, self.max_steps)]
        return known

    def _found(self, goal: Qualification, plan: Plan) -> Found:
        """The route of ``plan`` to ``goal``, shared with earlier queries that gave its steps the same figures."""
        figures = self.plan_figures.get(plan)
        if figures is None:
            figures = self.plan_figures[plan] = self._figures(plan)
        granted = self._granted(plan[-1], goal)
        key = (granted, plan, figures)
        known = self.code.routes.get(key)
        if known is None:
            programmes = self.code.programmes
            known = _remember(
                self.code.routes, key, _found(granted, plan, tuple(programmes[n].id for n in plan), figures)
            )
        return known

    def _granted(self, end: int, goal: Qualification) -> Qualification:
        """The qualification offering ``end`` grants that includes ``goal`` (the first it names)."""
        key = (end, goal)
        granted = self.code.granted.get(key)
        if granted is None:
            granted = self.code.granted[key] = next(
                q for q in self.code.programmes[end].grants.qualifications if q.includes(goal)
            )
        return granted

    def _figures(self, plan: Plan) -> tuple[Figures, ...]:
        code = self.code
        year = self.day.year
        steps = []
        taken = 0
        for n in plan:
            p = code.programmes[n]
            conditional = self._ask(n, taken)[0] == UNKNOWN
            best = -1
            if p.exemptions:
                for i, e in enumerate(p.exemptions):
                    shortens = e.ec_off > 0 or e.months is not None
                    if (
                        shortens
                        and (best < 0 or e.ec_off > p.exemptions[best].ec_off)
                        and self._ask_when(n, i, taken) == YES
                    ):
                        best = i
            key = (n, best, conditional, year, self.form)
            figures = code.figures.get(key)
            if figures is None:
                exemption = p.exemptions[best] if best >= 0 else None
                figures = code.figures[key] = _figures(p, exemption, conditional, year, self.form)
            steps.append(figures)
            taken |= 1 << n
        return tuple(steps)

    def _when(self, n: int, i: int, taken: int) -> int:
        """The truth of offering ``n``'s exemption ``i`` condition after ``taken``."""
        when = self.code.exemptions[n][i]
        return when.truth(self._truths(when, taken))

    def state(self, taken: int) -> Profile:
        """The profile once the steps in ``taken`` are completed (in offering order)."""
        state = self.states.get(taken)
        if state is None:
            steps = []
            rest = taken
            while rest:
                low = rest & -rest
                p = self.code.programmes[low.bit_length() - 1]
                steps.append((p.id, p.grants.qualifications, p.grants.diplomas))
                rest ^= low
            state = self.states[taken] = self.start.gain_all(steps)
        return state

    def _truths(self, condition: Condition, taken: int) -> list[int]:
        """The truths of ``condition``'s atoms once the steps in ``taken`` are completed."""
        atom_mask = self.code.atom_mask
        base = self.base_truths
        truths = []
        for a in condition.atoms:
            relevant = taken & atom_mask[a]
            if relevant:
                truth = self.atom_truths.get((a, relevant))
                if truth is None:
                    truth = self.atom_truths[a, relevant] = self._evaluate(a, relevant)
            else:
                truth = base[a]
                if truth is None:
                    truth = base[a] = self._evaluate(a, 0)
            truths.append(truth)
        return truths

    def _evaluate(self, atom: int, taken: int) -> int:
        """An atom's truth after ``taken``, shared between people equal in what the atom reads.

        The state after ``taken`` follows from the profile and ``taken``, so the key holds the
        profile's read fields and ``taken`` rather than the state, which is built only when needed.
        """
        reads = self.code.atom_reads[atom]
        if reads is None:
            return _RANK[self.code.atoms[atom].truth(self.state(taken), self.context)]
        key = (atom, taken, self._signature(reads))
        verdicts = self.code.verdicts
        truth = verdicts.get(key)
        if truth is None:
            truth = _remember(verdicts, key, _RANK[self.code.atoms[atom].truth(self.state(taken), self.context)])
        return truth

    def _signature(self, reads: tuple[str, ...]) -> int:
        """A number for this date and the profile's values of ``reads``, the same for equal values.

        Numbers are never reused, so a query still holding one after the store was emptied cannot
        mistake another person's verdicts for its own.
        """
        number = self.signatures.get(reads)
        if number is None:
            key = (reads, self.day, *[getattr(self.start, name) for name in reads])
            shared = self.code.signatures
            number = shared.get(key)
            if number is None:
                number = _remember(shared, key, next(self.code.signature_numbers))
            self.signatures[reads] = number
        return number

    def _entry(self, n: int, taken: int) -> tuple[int, int]:
        """The truth of offering ``n``'s entry rule after ``taken``, and its progress."""
        entry = self.code.entries[n]
        relevant = taken & entry.mask
        if not relevant:  # the common case: nothing taken so far touches this entry
            known = self.base_entries[n]
            if known is None:
                known = self.base_entries[n] = self._entry_at(n, 0)
            return known
        key = (n, relevant)
        known = self.entry_truths.get(key)
        if known is None:
            known = self.entry_truths[key] = self._entry_at(n, relevant)
        return known

    def _entry_at(self, n: int, relevant: int) -> tuple[int, int]:
        """The truth and progress of offering ``n``'s entry once the steps in ``relevant`` are taken."""
        entry = self.code.entries[n]
        shared = self.code.entry_truths
        shared_key = None if entry.reads is None else (n, relevant, self._signature(entry.reads))
        known = None if shared_key is None else shared.get(shared_key)
        if known is None:
            truths = self._truths(entry, relevant)
            known = (entry.truth(truths), sum(truths))
            if shared_key is not None:
                _remember(shared, shared_key, known)
        return known

    def _plans(self, n: int, taken: int, depth: int) -> list[Plan]:
        """Step sequences, at most ``depth`` long, that end by entering offering ``n``.

        Nothing but the length limit depends on ``depth``: the plans for a smaller depth are those
        for a larger one that are short enough, in the same order. So a deeper answer is reused.
        """
        key = (n, taken & self.code.plan_mask[n])  # the plans depend on nothing else taken
        known = self.memo.get(key)
        if known is not None:
            deepest, plans = known
            if deepest == depth:
                return plans
            if deepest > depth:
                return self._shorter(key, plans, depth)
        self._spend(1)
        plans = []
        if depth > 0 and not (self.done_before | taken) >> n & 1:
            truth, progress = self._ask(n, taken)
            if truth != NO:
                plans.append((n,))
            if truth != YES and depth > 1:
                plans += self._prepared(n, taken, depth, progress)
        self.memo[key] = (depth, plans)
        return plans

    def _spend(self, work: int) -> None:
        """Count ``work`` states or plans against the budget; past it, stop the search.

        Plans are counted as well as states: in a dense catalogue a few states can join into
        millions of step sequences, and those are what cost the time and memory.
        """
        self.budget -= work
        if self.budget < 0:
            raise SearchLimitError(
                f"the search for one qualification produced more than {self.max_states:,} states and plans; "
                "lower max_steps or raise max_states"
            )

    def _shorter(self, key: tuple[int, int], plans: list[Plan], depth: int) -> list[Plan]:
        """The plans of a deeper answer that are at most ``depth`` long, kept per depth."""
        shorter_key = (*key, depth)
        found = self.shorter.get(shorter_key)
        if found is None:
            found = self.shorter[shorter_key] = [plan for plan in plans if len(plan) <= depth]
        return found

    def _prepared(self, n: int, taken: int, depth: int, before: int) -> list[Plan]:
        """Plans into ``n`` that first take steps raising its entry's progress above ``before``."""
        plans: list[Plan] = []
        done = self.done_before | taken
        for pred in self.code.preparers[n]:
            if done >> pred & 1:
                continue
            for first in self._plans(pred, taken, depth - 1):
                after = taken
                for step in first:
                    after |= 1 << step
                if self._ask(n, after)[1] <= before:
                    continue
                rests = self._plans(n, after, depth - len(first))
                self._spend(len(rests))  # before the plans are made: their number is what grows
                plans += [first + rest for rest in rests]
        return plans


def ranked(
    catalogue: Catalogue,
    profile: Profile,
    goal: Qualification | None,
    *,
    day: dt.date,
    sort: str,
    pareto: bool,
    limit: int | None,
    max_steps: int,
    max_states: int,
    keep: Callable[[Found], bool] | None = None,
    form: StudyForm | None = None,
) -> tuple[Search, list[Found]]:
    """The routes :func:`leraarroutes.find_routes` returns, as :class:`Found`, with their search.

    The arguments are checked by the caller; ``sort`` is a :class:`leraarroutes.SortKey` value;
    ``keep`` (a filter on where steps are given) is applied before Pareto and the limit.
    """
    links = programme_links(catalogue, day)
    if goal is None:
        goals = sorted({q for p in links.offerings for q in p.grants.qualifications if not profile.holds(q)})
    else:
        goals = [goal]
    search = Search(
        catalogue=catalogue,
        links=links,
        profile=profile,
        day=day,
        max_steps=max_steps,
        max_states=max_states,
        form=form,
    )
    if goal is not None:
        routes = search.targeted(goal)
    else:
        search.prepare(goals)
        unique: dict[tuple[str, tuple[str, ...]], Found] = {}
        for g in goals:
            for r in search.routes_to(g):
                unique.setdefault((r.qualification, r.programmes), r)
        routes = _drop_detours(list(unique.values()))
    if keep is not None:
        routes = [r for r in routes if keep(r)]
    if pareto:
        routes = [r for r in routes if not any(_dominates(o, r) for o in routes if o.qualification == r.qualification)]
    routes.sort(key=_sort_key(sort))
    return search, routes[:limit] if limit is not None else routes


def _sort_key(key: str) -> Callable[[Found], tuple[Any, ...]]:
    # a figure some step leaves unknown sorts after every known one: "at least 24" is no 24
    def primary(r: Found) -> tuple[Any, ...]:
        if key == "ec":
            return (r.ec_unknown > 0, r.ec, r.months_unknown > 0, r.months)
        if key == "cost":
            return (r.cost_eur is None, r.cost_eur or 0, r.months_unknown > 0, r.months)
        if key == "paid":
            return (r.months_unknown > 0, -r.paid_months, r.months)
        return (r.months_unknown > 0, r.months, r.ec_unknown > 0, r.ec)

    # open routes first, then conditional ones; each group by the key asked
    return lambda r: (r.status != "open", *primary(r), len(r.plan), r.programmes, r.qualification)


def _dominates(a: Found, b: Found) -> bool:
    if a.months_unknown or a.ec_unknown:  # a route with unknown figures beats nothing on them
        return False
    ca = math.inf if a.cost_eur is None else a.cost_eur
    cb = math.inf if b.cost_eur is None else b.cost_eur
    at_least = a.months <= b.months and a.ec <= b.ec and ca <= cb and a.paid_months >= b.paid_months
    better = a.months < b.months or a.ec < b.ec or ca < cb or a.paid_months > b.paid_months
    return at_least and better and (a.status == "open" or b.status != "open")


def _drop_detours(routes: Sequence[Found]) -> list[Found]:
    """Drop a route when an open route to the same qualification uses a subset of its steps.

    A conditional shorter route does not drop a longer one: the extra steps may be what makes
    the difference when the condition fails (a deficiency course, a premaster). A route's proper
    subsets are looked up when there are fewer of them than open routes to compare with, so that
    thousands of routes (a dense catalogue) do not take quadratic time.
    """
    open_steps: dict[str, list[frozenset[int]]] = {}
    for r in routes:
        if r.status == "open":
            open_steps.setdefault(r.qualification, []).append(frozenset(r.plan))
    open_sets = {q: set(sets) for q, sets in open_steps.items()}
    kept = []
    for r in routes:
        mine = frozenset(r.plan)
        others = open_steps.get(r.qualification, ())
        if 2 ** len(mine) < len(others):
            known = open_sets[r.qualification]
            steps = sorted(mine)
            dropped = any(
                frozenset(part) in known for size in range(len(steps)) for part in itertools.combinations(steps, size)
            )
        else:
            dropped = any(other < mine for other in others)
        if not dropped:
            kept.append(r)
    return kept
