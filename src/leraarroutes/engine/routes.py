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
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from leraarroutes import _validate
from leraarroutes.catalogue.offers import ProviderOffering, Where
from leraarroutes.engine._found import CostBasis, Figures, Found, Plan
from leraarroutes.engine._graph import programme_graph
from leraarroutes.engine._search import Search, ranked
from leraarroutes.engine._where import passes, step_offers
from leraarroutes.register import same_institution
from leraarroutes.rules.degrees import DEGREES, SECONDARY_ENTRY

if TYPE_CHECKING:  # networkx is imported when the first graph is built, not at import
    import networkx as nx
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.programmes import Programme
from leraarroutes.errors import InputError, SearchLimitError, UnknownNameError
from leraarroutes.ids import offering_subject
from leraarroutes.model.education import Diploma, Level
from leraarroutes.model.profile import Job, Profile
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules import (
    HasCompleted,
    HasDiploma,
    HasJob,
    HoldsQualification,
    Reason,
    SubjectEc,
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


class SortKey(enum.StrEnum):
    """What routes are ranked by (ties: fewer steps, then step ids).

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, find_routes, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> routes = find_routes(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1), sort=SortKey.EC, limit=2)
    >>> [r.programmes for r in routes]
    [('pwpo',), ('academische-pabo',)]
    """

    MONTHS = "months"
    EC = "ec"
    COST = "cost"
    PAID = "paid"


@frozen(kw_only=True)
class Step:
    """One step of a route, with the figures after exemptions and why it was admitted.

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, find_routes, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> step: Step = find_routes(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1))[0].steps[0]
    >>> step.programme, step.months, step.grants, [r.nl for r in step.admitted_by]
    ('pwpo', 36, ('po',), ['diploma vwo aanwezig'])
    """

    programme: str
    kind: str
    name: str
    name_en: str | None
    providers: tuple[str, ...]
    months: int | None
    ec: int | None
    cost_eur: int | None
    cost_basis: CostBasis | None
    paid_work: bool
    grants: tuple[str, ...]
    sources: tuple[str, ...]
    admitted_by: tuple[Reason, ...]
    conditions: tuple[Reason, ...]
    exemption: str | None
    estimated: bool
    offers: tuple[ProviderOffering, ...] = ()
    """Where the step is given (after the filters asked), surest first; empty when no source says."""

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        """The step as the documented JSON object."""
        _validate.language(lang)
        return {
            "programme": self.programme,
            "kind": self.kind,
            "name": self.name_en if lang == "en" and self.name_en else self.name,
            "providers": list(self.providers),
            "offers": [_offer_json(o, self.programme) for o in self.offers],
            "months": self.months,
            "ec": self.ec,
            "cost_eur": self.cost_eur,
            "cost_basis": None if self.cost_basis is None else self.cost_basis.text(lang),
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

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, find_routes, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> route: Route = find_routes(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1))[0]
    >>> route.qualification, route.status, route.months, route.programmes
    ('po', 'open', 36, ('pwpo',))
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
        _validate.language(lang)
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
    """A programme on the way to a target that the person cannot enter, why, and what would help.

    See :func:`explain` for an example.
    """

    programme: str
    kind: str
    reasons: tuple[Reason, ...]
    would_open: tuple[Reason, ...]
    sources: tuple[str, ...]

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        """The blocked programme as the documented JSON object."""
        _validate.language(lang)
        return {
            "programme": self.programme,
            "kind": self.kind,
            "reasons": [r.text(lang) for r in self.reasons],
            "would_open": [r.text(lang) for r in self.would_open],
            "sources": list(self.sources),
        }


def _target(target: str | Qualification | None, catalogue: Catalogue) -> Qualification | None:
    """The target as a qualification whose subject the catalogue knows (no answer is a wrong one)."""
    if target is None:
        return None
    try:
        goal = target if isinstance(target, Qualification) else Qualification.parse(target)
    except ValueError as exc:
        raise UnknownNameError(str(exc)) from None
    if goal.subject is not None:
        try:
            catalogue.subject(goal.subject)
        except UnknownNameError as exc:
            raise UnknownNameError(f"target {goal}: {exc}") from None
    return goal


def _check_profile(profile: object) -> None:
    # Plain data from a web form or JSON is the likely mistake; say how to make a Profile of it.
    if not isinstance(profile, Profile):
        raise InputError(
            f"expected a Profile, not {type(profile).__name__}; "
            "read one with leraarroutes.loads(text, Profile) or leraarroutes.load_profile(path)"
        )


def _sort(sort: SortKey | str) -> SortKey:
    try:
        return SortKey(sort)
    except ValueError:
        choices = ", ".join(k.value for k in SortKey)
        raise InputError(f"unknown sort key {sort!r}; valid: {choices}") from None


def _offer_json(offer: ProviderOffering, programme: str) -> dict[str, Any]:
    subject = programme.partition("/")[2] or None
    return {
        "institution": offer.institution,
        "city": offer.city,
        "province": offer.province,
        "croho": offer.croho,
        "title": offer.title,
        "forms": list(offer.forms),
        "confirmed": offer.gives(subject) is True,
        "url": offer.url,
        "source": offer.source,
    }


def _providers(p: Programme, offers: tuple[ProviderOffering, ...]) -> tuple[str, ...]:
    """The institutions of the offerings, then the providers the programme's sources name."""
    names = [o.institution for o in offers]
    names += [n for n in p.providers if not any(same_institution(n, [m]) for m in names)]
    return tuple(dict.fromkeys(names))


def _step(p: Programme, figures: Figures, reasons: tuple[Reason, ...], offers: tuple[ProviderOffering, ...]) -> Step:
    return Step(
        programme=p.id,
        kind=p.kind.value,
        name=p.name,
        name_en=p.name_en,
        providers=_providers(p, offers),
        offers=offers,
        months=figures.months,
        ec=figures.ec,
        cost_eur=figures.cost_eur,
        cost_basis=figures.cost_basis,
        paid_work=figures.paid_work,
        grants=tuple(str(q) for q in p.grants.qualifications),
        sources=tuple(str(s) for s in p.sources),
        admitted_by=tuple(r for r in reasons if r.truth is Truth.YES),
        conditions=tuple(r for r in reasons if r.truth is Truth.UNKNOWN),
        exemption=figures.exemption,
        estimated=figures.estimated,
    )


def _written_out(
    found: Found,
    search: Search,
    lang: str,
    written: dict[Plan, Step],
    states: dict[Plan, Profile],
    *,
    where: Where | None = None,
) -> Route:
    """The route of ``found`` with its reasons: each step's rule taken in the state just before it.

    ``written`` and ``states`` keep each step written out and the state after it per plan prefix,
    so routes of one query that start alike share the work.
    """
    steps = []
    state = search.start
    plan = found.plan
    for i, figures in enumerate(found.steps):
        prefix = plan[: i + 1]
        p = search.code.programmes[plan[i]]
        step = written.get(prefix)
        if step is None:
            offers = step_offers(search.catalogue, p.id, where)
            step = written[prefix] = _step(p, figures, p.entry.evaluate(state, search.context).reasons, offers)
        steps.append(step)
        if i + 1 < len(plan):  # the state after the last step is never asked about
            after = states.get(prefix)
            if after is None:
                grants = p.grants
                after = states[prefix] = state.gain(
                    programme=p.id, qualifications=grants.qualifications, diplomas=grants.diplomas
                )
            state = after
    return Route(
        qualification=found.qualification,
        status=found.status,
        conditions=tuple(f"{s.programme}: {c.text(lang)}" for s in steps for c in s.conditions),
        months=found.months,
        ec=found.ec,
        cost_eur=found.cost_eur,
        paid_months=found.paid_months,
        unknown_figures=found.unknown_figures,
        steps=tuple(steps),
    )


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
    where: Where | None = None,
) -> tuple[Route, ...]:
    """Every route from ``profile`` to ``target`` (or to every qualification it can reach).

    Only programmes valid on ``as_of`` (default: today) are used. A route's steps before the last
    are prerequisites: each opens (or makes more certain) the entry to a later step, and a step
    that grants a qualification is taken on the way only when a later step asks for that
    qualification. Routes whose steps are a superset of another route to the same qualification are
    dropped; ``pareto`` keeps only the routes no other route to the same qualification beats on
    months, EC, cost and paid months together; ``limit`` keeps the first k after sorting by
    ``sort``. ``where`` keeps the routes whose every step can be taken there (a province, near a
    place, a provider, a study form; see :class:`~leraarroutes.Where`) and lists per step only
    the offerings that pass; providers never multiply routes. The order is deterministic.

    Raises :class:`~leraarroutes.UnknownNameError` for a malformed target,
    :class:`~leraarroutes.InputError` for a bad option (``max_steps`` outside 1 to
    :data:`MAX_STEPS_LIMIT`, an unknown sort key), and :class:`SearchLimitError` when more than
    ``max_states`` states would be visited.
    """
    day = _validate.day(as_of)
    goal = _target(target, catalogue)
    key = _sort(sort)
    if not 1 <= max_steps <= MAX_STEPS_LIMIT:
        raise InputError(f"max_steps must be between 1 and {MAX_STEPS_LIMIT}, not {max_steps}")
    if limit is not None and limit < 0:
        raise InputError(f"limit must be 0 or more, not {limit}")
    _validate.language(lang)
    _check_profile(profile)
    search, found = ranked(
        catalogue,
        profile,
        goal,
        day=day,
        sort=key.value,
        pareto=pareto,
        limit=limit,
        max_steps=max_steps,
        max_states=max_states,
        keep=None if where is None or not where.active else lambda f: passes(catalogue, f.programmes, where),
    )
    written: dict[Plan, Step] = {}
    states: dict[Plan, Profile] = {}
    return tuple(_written_out(f, search, lang, written, states, where=where) for f in found)


def explain(
    catalogue: Catalogue,
    profile: Profile,
    target: str | Qualification,
    *,
    as_of: dt.date | None = None,
) -> tuple[Blocked, ...]:
    """The programmes on the way to ``target`` that ``profile`` cannot enter now.

    Each comes with the failed requirements (and their sources) and the single changes that would
    open it, smallest first: EC of subject content, a completed programme (by name), a
    qualification, a job at a school, a diploma of a level the person does not already meet.
    Raises :class:`~leraarroutes.UnknownNameError` for a malformed target.

    >>> from leraarroutes import Diploma, Level, Profile, load_catalogue
    >>> jurist = Profile(diplomas=(Diploma(level=Level.WO_MASTER, programme="Rechten"),))
    >>> closed = explain(load_catalogue(), jurist, "eerstegraads:geschiedenis", as_of=dt.date(2024, 1, 1))
    >>> master: Blocked = next(b for b in closed if b.programme == "educatieve-master-2jr/geschiedenis")
    >>> [r.nl for r in master.would_open]
    ['eerst Premaster educatieve master (UU) voor hbo-afgestudeerden (geschiedenis) afronden']
    """
    day = _validate.day(as_of)
    goal = _target(target, catalogue)
    if goal is None:  # pragma: no cover - typed as required
        raise UnknownNameError("explain needs a target qualification")
    _check_profile(profile)
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


def _single_changes(p: Programme, profile: Profile, graph: nx.DiGraph) -> Iterable[tuple[Reason, Profile]]:  # noqa: C901 - one proposal per kind of rule
    """One-fact changes to ``profile`` that could open ``p``, each with its label, smallest first.

    A change the person already meets is never proposed (a diploma of a level they hold, or one
    their degree stands in for); programmes are named by name, not id.
    """
    yield from _ec_changes(p, profile, graph)
    for pred in sorted(graph.predecessors(p.id)):
        if graph.edges[pred, p.id]["via"] not in ("completed", "deficiency"):
            continue
        q: Programme = graph.nodes[pred]["programme"]
        yield (
            _change(f"eerst {_named(q)} afronden", f"first complete {_named(q, 'en')}"),
            profile.gain(programme=q.id, qualifications=q.grants.qualifications, diplomas=q.grants.diplomas),
        )
    for node in p.entry.walk():
        if isinstance(node, HoldsQualification):
            q_text = str(node.qualification)
            yield (
                _change(f"bevoegdheid {q_text}", f"the qualification {q_text}"),
                profile.with_added(qualifications=[node.qualification]),
            )
        elif isinstance(node, HasJob):
            where = node.sector.value + (f" ({node.subject})" if node.subject else "")
            yield (
                _change(f"baan in het {where}", f"a job in {where}"),
                attrs.evolve(profile, job=Job(sector=node.sector, subject=node.subject)),
            )
        elif isinstance(node, HasCompleted):
            for pid in node.programmes:
                if pid not in graph:
                    continue  # not offered on this date (or for this subject): nothing to propose
                named = graph.nodes[pid]["programme"]
                yield (
                    _change(f"eerst {_named(named)} afronden", f"first complete {_named(named, 'en')}"),
                    profile.gain(programme=pid),
                )
        elif isinstance(node, HasDiploma) and not node.programmes and node.related_to is None:
            wanted = [level for level in node.levels if not _meets_level(profile, level)]
            if not wanted:
                continue  # the person meets the level; something else closes the programme
            level = wanted[0]
            age_nl = f" van hoogstens {node.max_age_years} jaar oud" if node.max_age_years is not None else ""
            age_en = f" at most {node.max_age_years} years old" if node.max_age_years is not None else ""
            yield (
                _change(f"diploma {level.value}{age_nl}", f"a {level.value} diploma{age_en}"),
                profile.with_added(diplomas=[Diploma(level=level)]),
            )


def _ec_changes(p: Programme, profile: Profile, graph: nx.DiGraph) -> Iterable[tuple[Reason, Profile]]:
    """For an EC rule not met: how many EC more, and the deficiency courses that give them."""
    courses = [
        graph.nodes[q]["programme"]
        for q in sorted(graph.predecessors(p.id))
        if graph.edges[q, p.id]["via"] == "deficiency"
    ]
    for node in p.entry.walk():
        if not isinstance(node, SubjectEc):
            continue
        need = node.min_ec - node.max_deficiency_ec
        have = profile.ec_in(node.subject)
        if (have or 0) >= need:
            continue
        ec: dict[str, int] = dict(profile.subject_ec)
        ec[node.subject] = need
        with_courses = [_named(q) for q in courses if offering_subject(q.id) == node.subject]
        if have is None:
            nl = f"minstens {need} EC vakinhoud {node.subject} op wo-niveau aantonen"
            en = f"show at least {need} EC of wo-level {node.subject} content"
        else:
            nl = f"nog {need - have} EC vakinhoud {node.subject} erbij (tot {need}) en die in subject_ec opgeven"
            en = f"{need - have} more EC of {node.subject} content (to {need}), given in subject_ec"
        if with_courses:
            nl += f", bijvoorbeeld met {' of '.join(with_courses)}"
            en += f", for example with {' or '.join(with_courses)}"
        yield _change(nl, en), attrs.evolve(profile, subject_ec=ec)


# Levels a person meets by holding another: a later stage of the same track, or any degree in
# place of a secondary diploma (WHW art. 7.28 lid 1).
_TRACKS = (
    (Level.HBO_PROPEDEUSE, Level.HBO_BACHELOR, Level.HBO_MASTER),
    (Level.WO_BACHELOR, Level.WO_MASTER, Level.PHD),
    (Level.VMBO, Level.HAVO, Level.VWO),
    (Level.MBO_2, Level.MBO_3, Level.MBO_4),
)


def _meets_level(profile: Profile, level: Level) -> bool:
    held = {d.level for d in profile.diplomas}
    if level in held:
        return True
    if level in SECONDARY_ENTRY and held & DEGREES:
        return True
    return any(
        level in track and any(track.index(h) > track.index(level) for h in held & set(track)) for track in _TRACKS
    )


def _named(p: Programme, lang: str = "nl") -> str:
    name = p.name_en if lang == "en" and p.name_en else p.name
    subject = offering_subject(p.id)
    return f"{name} ({subject})" if subject else name
