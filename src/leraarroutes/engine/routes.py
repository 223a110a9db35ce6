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
``max_states`` (default 50,000 search states per target qualification), after which
:class:`SearchLimitError` is raised.
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
import weakref
from typing import Any

from attrs import field, frozen

from leraarroutes import _html, _validate
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.offers import ProviderOffering, Where
from leraarroutes.catalogue.programmes import Programme
from leraarroutes.engine._found import CostBasis, Figures, Found, Plan
from leraarroutes.engine._search import Search, ranked
from leraarroutes.engine._where import passes, step_offers
from leraarroutes.errors import InputError, SearchLimitError, UnknownNameError
from leraarroutes.model.education import StudyForm
from leraarroutes.model.profile import Profile
from leraarroutes.model.qualifications import Qualification, QualificationKind, SchoolSetting
from leraarroutes.register import same_institution
from leraarroutes.rules import Reason, Rule, RuleContext, Truth

__all__ = [
    "DEFAULT_MAX_STATES",
    "DEFAULT_MAX_STEPS",
    "Blocked",
    "Route",
    "SearchLimitError",
    "SortKey",
    "Step",
    "find_routes",
]

DEFAULT_MAX_STEPS = 6
"""Most steps in one route; the longest route in the shipped catalogue has 4."""

DEFAULT_MAX_STATES = 50_000
"""Most search states visited per target qualification before :class:`SearchLimitError` is raised."""

MAX_STEPS_LIMIT = 12
"""The largest ``max_steps`` accepted: deeper searches are refused rather than left to run."""


class SortKey(enum.StrEnum):
    """What routes are ranked by (ties: fewer steps, then step ids).

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, find_routes, load_catalogue
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> routes = find_routes(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1), sort=SortKey.EC, limit=2)
    >>> [r.programmes for r in routes]
    [('pabo',), ('pwpo',)]
    """

    MONTHS = "months"
    EC = "ec"
    COST = "cost"
    PAID = "paid"


class _Reasons:
    """A step's entry rule taken in the state just before the step: evaluated on first use, then kept.

    Ranking, batch summaries and a text answer that shows one route per qualification never read
    most routes' reasons; writing them out was 35-40 % of a query.
    """

    __slots__ = ("_lock", "_pending", "_split")

    def __init__(self, rule: Rule, state: Profile, context: RuleContext) -> None:
        self._pending: tuple[Rule, Profile, RuleContext] | None = (rule, state, context)
        self._split: tuple[tuple[Reason, ...], tuple[Reason, ...]] | None = None
        self._lock = threading.Lock()

    def split(self) -> tuple[tuple[Reason, ...], tuple[Reason, ...]]:
        """(what holds, what is to be checked)."""
        if self._split is None:
            with self._lock:
                if self._split is None and self._pending is not None:
                    rule, state, context = self._pending
                    reasons = rule.evaluate(state, context).reasons
                    self._split = (
                        tuple(r for r in reasons if r.truth is Truth.YES),
                        tuple(r for r in reasons if r.truth is Truth.UNKNOWN),
                    )
                    self._pending = None  # the state and the context are no longer held
        assert self._split is not None  # noqa: S101 - set above, under the lock
        return self._split

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled written out: the lock cannot travel, and the state and context need not
        return (_written_reasons, (self.split(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reasons) and self.split() == other.split()

    def __hash__(self) -> int:
        return hash(self.split())


def _written_reasons(split: tuple[tuple[Reason, ...], tuple[Reason, ...]]) -> _Reasons:
    """Reasons already written out (what unpickling a route gives)."""
    reasons = _Reasons.__new__(_Reasons)
    reasons._lock = threading.Lock()  # noqa: SLF001 - building one of its own class
    reasons._pending = None  # noqa: SLF001
    reasons._split = split  # noqa: SLF001
    return reasons


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
    form: str | None = None
    """The study form the months are of."""
    months_max: int | None = None
    """The longest duration in that form, when the source gives a range."""
    grants: tuple[str, ...]
    sources: tuple[str, ...]
    _reasons: _Reasons = field(repr=False)
    exemption: str | None
    estimated: bool
    offers: tuple[ProviderOffering, ...] = ()
    """Where the step is given (after the filters asked), surest first; empty when no source says."""
    grant_note: str | None = None
    """What to know about when the qualification comes (Dutch), or None."""
    grant_note_en: str | None = None
    """The same in English, when the catalogue gives it."""

    @property
    def admitted_by(self) -> tuple[Reason, ...]:
        """The parts of the entry rule that hold (written out on first use, then kept)."""
        return self._reasons.split()[0]

    @property
    def conditions(self) -> tuple[Reason, ...]:
        """The parts of the entry rule still to be checked (written out on first use, then kept)."""
        return self._reasons.split()[1]

    def grant_text(self, lang: str = "nl") -> str | None:
        """The grant note in ``lang`` (Dutch when no English is given)."""
        return (self.grant_note_en or self.grant_note) if _validate.language(lang) == "en" else self.grant_note

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
            "months_max": self.months_max,
            "form": self.form,
            "ec": self.ec,
            "cost_eur": self.cost_eur,
            "cost_basis": None if self.cost_basis is None else self.cost_basis.text(lang),
            "paid_work": self.paid_work,
            "grants": list(self.grants),
            "grant_note": self.grant_text(lang),
            "sources": list(self.sources),
            "admitted_by": [r.text(lang) for r in self.admitted_by],
            "conditions": [r.text(lang) for r in self.conditions],
            "exemption": self.exemption,
            "estimated": self.estimated,
        }


@frozen(kw_only=True)
class Route:
    """A route to a qualification: its steps and totals.

    ``months`` and ``ec`` add up the steps whose figures are known (None when none is), and
    ``months_unknown``/``ec_unknown`` count and ``unknown_figures`` names the steps whose figures
    no source gives, so a total with unknowns reads "at least"; ``cost_eur`` is the cost to the person, or None when a
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
    months: int | None
    ec: int | None
    cost_eur: int | None
    paid_months: int
    unknown_figures: tuple[str, ...]
    steps: tuple[Step, ...]
    months_max: int | None = None
    """The longest total, when a step's duration is a range; else None."""
    form: str | None = None
    """The study form the route is reckoned in."""
    months_unknown: int = 0
    """Steps whose duration no source gives: ``months`` is then "at least" (None when none is known)."""
    ec_unknown: int = 0
    """Steps that take time but whose EC no source gives: ``ec`` is then "at least"."""
    lang: str = "nl"
    """The language ``conditions`` are written in."""

    @property
    def conditions(self) -> tuple[str, ...]:
        """What must still turn out true, per step ("programme: condition"), in :attr:`lang`."""
        return tuple(f"{s.programme}: {c.text(self.lang)}" for s in self.steps for c in s.conditions)

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        """The route as the documented JSON object."""
        _validate.language(lang)
        return {
            "qualification": self.qualification,
            "status": self.status,
            "conditions": list(self.conditions),
            "form": self.form,
            "months": self.months,
            "months_max": self.months_max,
            "months_unknown_steps": self.months_unknown,
            "ec": self.ec,
            "ec_unknown_steps": self.ec_unknown,
            "cost_eur": self.cost_eur,
            "unknown_figures": list(self.unknown_figures),
            "steps": [s.to_json(lang) for s in self.steps],
        }

    @property
    def programmes(self) -> tuple[str, ...]:
        """The programme ids of the steps, in order."""
        return tuple(s.programme for s in self.steps)

    def _repr_html_(self) -> str:
        """The route in a notebook: its totals, then one row per step (in :attr:`lang`)."""
        words = _HTML_WORDS[self.lang]
        rows = [
            (
                i,
                s.name_en if self.lang == "en" and s.name_en else s.name,
                s.programme,
                _span(s.months, s.months_max),
                s.ec,
                "; ".join(c.text(self.lang) for c in s.conditions),
            )
            for i, s in enumerate(self.steps, 1)
        ]
        totals = words["totals"].format(
            q=self.qualification,
            status=self.status,
            months=_span(self.months, self.months_max) or "?",
            ec="?" if self.ec is None else self.ec,
            cost="?" if self.cost_eur is None else f"€ {self.cost_eur:,}".replace(",", "."),
        )
        return _html.paragraph(totals) + _html.table(words["step_columns"], rows)


def _span(low: int | None, high: int | None) -> str | None:
    if low is None:
        return None
    return f"{low}-{high}" if high else str(low)


_HTML_WORDS: dict[str, dict[str, Any]] = {
    "nl": {
        "totals": "{q} ({status}): {months} maanden, {ec} EC, kosten {cost}",
        "step_columns": ("stap", "opleiding", "id", "maanden", "EC", "voorwaarden"),
        "route_columns": ("route", "bevoegdheid", "status", "maanden", "EC", "kosten (€)", "stappen"),
        "routes": "{n} routes",
        "blocked_columns": ("opleiding", "soort", "waarom niet", "zou openen"),
        "blocked": "{n} opleidingen niet toegankelijk",
    },
    "en": {
        "totals": "{q} ({status}): {months} months, {ec} EC, cost {cost}",
        "step_columns": ("step", "programme", "id", "months", "EC", "conditions"),
        "route_columns": ("route", "qualification", "status", "months", "EC", "cost (€)", "steps"),
        "routes": "{n} routes",
        "blocked_columns": ("programme", "kind", "why not", "would open"),
        "blocked": "{n} programmes not open",
    },
}


class Routes(tuple[Route, ...]):
    """The routes :func:`find_routes` gives: a tuple, shown as a table in a notebook.

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, load_catalogue
    >>> routes = find_routes(load_catalogue(), Profile(diplomas=(Diploma(level=Level.VWO),)), "po",
    ...                      as_of=dt.date(2024, 1, 1))
    >>> isinstance(routes, Routes), isinstance(routes, tuple), routes._repr_html_().startswith("<p>")
    (True, True, True)
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        """One row per route: qualification, status, figures and its steps."""
        lang = self[0].lang if self else "nl"
        words = _HTML_WORDS[lang]
        rows = [
            (
                i,
                r.qualification,
                r.status,
                _span(r.months, r.months_max),
                r.ec,
                r.cost_eur,
                " → ".join(s.name_en if lang == "en" and s.name_en else s.name for s in r.steps),
            )
            for i, r in enumerate(self, 1)
        ]
        return _html.paragraph(words["routes"].format(n=len(self))) + _html.table(words["route_columns"], rows)


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

    def _repr_html_(self) -> str:
        """The blocked programme in a notebook, as a one-row table."""
        return Explanation((self,))._repr_html_()

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


class Explanation(tuple[Blocked, ...]):
    """What :func:`~leraarroutes.explain` gives: a tuple of blocked programmes, a table in a notebook.

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, explain, load_catalogue
    >>> why = explain(load_catalogue(), Profile(diplomas=(Diploma(level=Level.HAVO),)), "eerstegraads:wiskunde",
    ...               as_of=dt.date(2024, 1, 1))
    >>> isinstance(why, Explanation), "<table>" in why._repr_html_()
    (True, True)
    """

    __slots__ = ()

    def _repr_html_(self, lang: str = "nl") -> str:
        """One row per blocked programme: why not, and what would open it."""
        words = _HTML_WORDS[lang]
        rows = [
            (
                b.programme,
                b.kind,
                "; ".join(r.text(lang) for r in b.reasons),
                "; ".join(r.text(lang) for r in b.would_open),
            )
            for b in self
        ]
        return _html.paragraph(words["blocked"].format(n=len(self))) + _html.table(words["blocked_columns"], rows)


SCHOOL_TARGETS: dict[str, frozenset[SchoolSetting]] = {
    **{s.value: frozenset({s}) for s in SchoolSetting},
    "havo-bovenbouw": frozenset({SchoolSetting.BOVENBOUW_HAVO_VWO}),
    "vwo-bovenbouw": frozenset({SchoolSetting.BOVENBOUW_HAVO_VWO}),
    "havo-onderbouw": frozenset({SchoolSetting.ONDERBOUW_HAVO_VWO}),
    "vwo-onderbouw": frozenset({SchoolSetting.ONDERBOUW_HAVO_VWO}),
    "basisschool": frozenset({SchoolSetting.BASISONDERWIJS}),
    "vo": frozenset({SchoolSetting.VMBO, SchoolSetting.ONDERBOUW_HAVO_VWO, SchoolSetting.BOVENBOUW_HAVO_VWO}),
}
"""Targets by school type: the routes to every qualification whose scope covers one of these settings."""


def _school_kinds(target: object, catalogue: Catalogue, day: dt.date) -> frozenset[QualificationKind] | None:
    """The qualification kinds that let their holder teach in the school type ``target`` names.

    On ``day``; None when ``target`` names no school type (``vmbo``, ``havo-bovenbouw``).
    """
    if not isinstance(target, str) or target not in SCHOOL_TARGETS:
        return None
    settings = SCHOOL_TARGETS[target]
    return frozenset(kind for kind, taught in catalogue.teaches(day).items() if settings & set(taught))


def _check_catalogue(catalogue: object) -> None:
    if not isinstance(catalogue, Catalogue):
        raise InputError(
            f"catalogue must be a Catalogue (leraarroutes.load_catalogue()), not {type(catalogue).__name__}"
        )


def _whole(name: str, value: object, low: int, high: int | None = None, *, optional: bool = False) -> None:
    """A count argument: a whole number (not a bool, not a float such as nan) in its range."""
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
        where = f"from {low:,}" + ("" if high is None else f" to {high:,}")
        raise InputError(f"{name} must be a whole number {where}, not {type(value).__name__} {value!r}")


def _target(target: str | Qualification | None, catalogue: Catalogue) -> Qualification | None:
    """The target as a qualification whose subject the catalogue knows (no answer is a wrong one)."""
    if target is None:
        return None
    if not isinstance(target, str | Qualification):
        raise InputError(
            f"target must be a text such as 'tweedegraads:wiskunde' or a Qualification, not {type(target).__name__}"
        )
    try:
        goal = target if isinstance(target, Qualification) else Qualification.parse(target)
    except ValueError as exc:
        schools = ", ".join(SCHOOL_TARGETS)
        raise UnknownNameError(f"{exc}; or a school type: {schools}") from None
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


def _form(form: StudyForm | str | None) -> StudyForm | None:
    if form is None or isinstance(form, StudyForm):
        return form
    try:
        return StudyForm(form)
    except ValueError:
        raise InputError(f"unknown study form {form!r}; valid: {', '.join(f.value for f in StudyForm)}") from None


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


_StepParts = tuple[tuple[ProviderOffering, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]

_UNFILTERED_PARTS: weakref.WeakKeyDictionary[Catalogue, dict[str, _StepParts]] = weakref.WeakKeyDictionary()
"""Per catalogue, what a step of each programme shows whoever asks without a filter on where."""


def _step_parts(catalogue: Catalogue, p: Programme, where: Where | None) -> _StepParts:
    """A step's offers, providers, granted qualifications and sources: the same in every route."""
    unfiltered = where is None or not where.active
    if unfiltered:
        kept = _UNFILTERED_PARTS.setdefault(catalogue, {})
        known = kept.get(p.id)
        if known is not None:
            return known
    offers = step_offers(catalogue, p.id, where)
    parts = (offers, _providers(p, offers), tuple(str(q) for q in p.grants.qualifications), tuple(map(str, p.sources)))
    if unfiltered:
        kept[p.id] = parts
    return parts


def _step(p: Programme, figures: Figures, reasons: _Reasons, parts: _StepParts) -> Step:
    offers, providers, grants, sources = parts
    return Step(
        programme=p.id,
        kind=p.kind.value,
        name=p.name,
        name_en=p.name_en,
        providers=providers,
        offers=offers,
        months=figures.months,
        months_max=figures.months_max,
        form=figures.form,
        ec=figures.ec,
        cost_eur=figures.cost_eur,
        cost_basis=figures.cost_basis,
        paid_work=figures.paid_work,
        grants=grants,
        grant_note=p.grants.note,
        grant_note_en=p.grants.note_en,
        sources=sources,
        reasons=reasons,
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
            reasons = _Reasons(p.entry, state, search.context)
            step = written[prefix] = _step(p, figures, reasons, _step_parts(search.catalogue, p, where))
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
        lang=lang,
        months=found.months_known,
        months_max=found.months_max if found.months_max != found.months else None,
        months_unknown=found.months_unknown,
        form=search.form.value,
        ec=found.ec_known,
        ec_unknown=found.ec_unknown,
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
    form: StudyForm | str | None = None,
) -> Routes:
    """Every route from ``profile`` to ``target`` (or to every qualification it can reach).

    Only programmes valid on ``as_of`` (default: today) are used. A route's steps before the last
    are prerequisites: each opens (or makes more certain) the entry to a later step, and a step
    that grants a qualification is taken on the way only when a later step asks for that
    qualification. Routes whose steps are a superset of another route to the same qualification are
    dropped; ``pareto`` keeps only the routes no other route to the same qualification beats on
    months, EC, cost and paid months together; ``limit`` keeps the first k after sorting by
    ``sort``. ``where`` keeps the routes whose every step can be taken there (a province, near a
    place, a provider, a study form; see :class:`~leraarroutes.Where`) and lists per step only
    the offerings that pass; providers never multiply routes. Durations are of ``form`` (default:
    the profile's :meth:`~leraarroutes.Profile.chosen_form`: voltijd, or deeltijd with a job); a
    step not given in that form takes its voltijd duration and says so. The order is deterministic.

    ``target`` may also name a school type (``"vmbo"``, ``"havo-bovenbouw"``, ``"mbo"``, ``"vo"``;
    see :data:`SCHOOL_TARGETS`): the routes to every qualification whose scope on ``as_of``
    covers it.

    Raises :class:`~leraarroutes.UnknownNameError` for a malformed target,
    :class:`~leraarroutes.InputError` for a bad option (``max_steps`` outside 1 to
    :data:`MAX_STEPS_LIMIT`, an unknown sort key), and :class:`SearchLimitError` when more than
    ``max_states`` states would be visited for one qualification (an untargeted question counts
    each qualification on its own: a catalogue with more of them is not refused for that).
    """
    day = _validate.day(as_of)
    _check_catalogue(catalogue)
    _whole("max_steps", max_steps, 1, MAX_STEPS_LIMIT)
    _whole("max_states", max_states, 1)
    _whole("limit", limit, 0, optional=True)
    kinds = _school_kinds(target, catalogue, day)
    goal = None if kinds is not None else _target(target, catalogue)
    key = _sort(sort)
    _validate.language(lang)
    _check_profile(profile)
    search, found = ranked(
        catalogue,
        profile,
        goal,
        day=day,
        sort=key.value,
        pareto=pareto,
        limit=limit if kinds is None else None,
        max_steps=max_steps,
        max_states=max_states,
        keep=None if where is None or not where.active else lambda f: passes(catalogue, f.programmes, where),
        form=_form(form),
    )
    if kinds is not None:  # a school type: the qualifications that let you teach there
        found = [f for f in found if Qualification.parse(f.qualification).kind in kinds][:limit]
    written: dict[Plan, Step] = {}
    states: dict[Plan, Profile] = {}
    return Routes(_written_out(f, search, lang, written, states, where=where) for f in found)
