"""Entry rules: a small algebra of requirements, evaluated with three-valued logic.

A rule evaluates against a profile to a :class:`Verdict`: ``YES``, ``NO`` or ``UNKNOWN``, with
reasons in Dutch and English. A rule that needs a fact the profile does not give (no job stated,
no EC counted, a degree name the catalogue does not know) says ``UNKNOWN``, never a silent no.
``&``, ``|`` and ``~`` combine rules with Kleene's strong three-valued logic.

>>> rule = HasDiploma(levels=(Level.HAVO, Level.VWO)) | HasDiploma(levels=(Level.MBO_4,))
>>> str(rule)
'any(diploma(levels=[havo, vwo]), diploma(levels=[mbo-4]))'
>>> rule.evaluate(Profile(diplomas=(Diploma(level=Level.MBO_4),))).truth
<Truth.YES: 'yes'>
>>> (rule & HasJob(sector=Sector.PO)).evaluate(Profile()).truth
<Truth.NO: 'no'>
>>> HasJob(sector=Sector.PO).evaluate(Profile()).truth
<Truth.UNKNOWN: 'unknown'>
"""

from __future__ import annotations

import abc
import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Protocol

import attrs
from attrs import field, frozen, validators

from leraarroutes import _validate
from leraarroutes.education import Diploma, Level, Study
from leraarroutes.ids import SUBJECT_PLACEHOLDER, ProgrammeId, SubjectId, offering_subject
from leraarroutes.profile import Profile, Sector, _sector
from leraarroutes.qualifications import Qualification

__all__ = [
    "NO_CONTEXT",
    "AllOf",
    "AnyOf",
    "Decision",
    "ExamSubject",
    "HasCompleted",
    "HasDiploma",
    "HasJob",
    "HoldsQualification",
    "IsStudying",
    "Not",
    "Reason",
    "Rule",
    "RuleContext",
    "SubjectEc",
    "Truth",
    "Verdict",
    "WorkExperience",
    "describe",
]


class Truth(enum.Enum):
    """A three-valued truth: yes, no, or unknown for lack of a fact."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    # The members are read from module constants: Enum attribute access is slow on hot paths.
    def __and__(self, other: Truth) -> Truth:
        if self is _NO or other is _NO:
            return _NO
        if self is _UNKNOWN or other is _UNKNOWN:
            return _UNKNOWN
        return _YES

    def __or__(self, other: Truth) -> Truth:
        if self is _YES or other is _YES:
            return _YES
        if self is _UNKNOWN or other is _UNKNOWN:
            return _UNKNOWN
        return _NO

    def __invert__(self) -> Truth:
        return _NO if self is _YES else _YES if self is _NO else _UNKNOWN


_YES, _NO, _UNKNOWN = Truth.YES, Truth.NO, Truth.UNKNOWN


@frozen(kw_only=True)
class Reason:
    """Why a single requirement holds, fails or is unknown, in Dutch and English.

    >>> Reason(truth=Truth.YES, nl="diploma havo aanwezig", en="holds a havo diploma").text("en")
    'holds a havo diploma'
    """

    truth: Truth
    nl: str
    en: str

    def text(self, lang: str = "nl") -> str:
        """The reason in ``lang`` (``"nl"`` or ``"en"``)."""
        return self.en if _validate.language(lang) == "en" else self.nl


@frozen(kw_only=True)
class Verdict:
    """The outcome of a rule: a truth value and the reasons that decided it.

    >>> verdict: Verdict = HasDiploma(levels=(Level.VWO,)).evaluate(Profile())
    >>> verdict.ok, verdict.truth, [r.nl for r in verdict.reasons]
    (False, <Truth.NO: 'no'>, ['geen diploma van niveau vwo'])
    """

    truth: Truth
    reasons: tuple[Reason, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the rule holds for certain."""
        return self.truth is Truth.YES


class RuleContext(Protocol):
    """What a rule may ask beyond the profile: the catalogue's tables and the date.

    :meth:`leraarroutes.Catalogue.context` gives one; :data:`NO_CONTEXT` knows no tables.

    >>> context: RuleContext = NO_CONTEXT
    >>> context.programme_kind("pabo") is None, context.as_of is None
    (True, True)
    """

    @property
    def as_of(self) -> dt.date | None:
        """The date the question is asked for, or None."""
        ...

    def relatedness(self, table: str, subject: SubjectId, degree: Diploma | Study) -> Reason:
        """Whether ``degree`` is related to ``subject`` by ``table``."""
        ...

    def degree_names(self, degree: Diploma | Study) -> frozenset[str] | None:
        """The lower-case names ``degree`` is known by, or None when it has no name."""
        ...

    def programme_kind(self, programme: ProgrammeId) -> str | None:
        """The kind of a programme (or offering) id, or None when unknown."""
        ...


@frozen
class _NoContext:
    """A context that knows no tables: every relatedness question is unknown."""

    as_of: dt.date | None = None

    def relatedness(self, table: str, subject: SubjectId, degree: Diploma | Study) -> Reason:
        _ = degree
        return Reason(
            truth=Truth.UNKNOWN,
            nl=f"verwantschap met {subject} volgens {table} is niet bekend (geen catalogus)",
            en=f"relatedness to {subject} under {table} is not known (no catalogue)",
        )

    def degree_names(self, degree: Diploma | Study) -> frozenset[str] | None:
        return None if degree.programme is None else frozenset({degree.programme.casefold()})

    def programme_kind(self, programme: ProgrammeId) -> str | None:
        _ = programme
        return None


NO_CONTEXT: RuleContext = _NoContext()
"""The context used when none is given: no tables, no date."""


def _said(truth: Truth, nl: str, en: str) -> Verdict:
    """A verdict resting on one reason."""
    return Verdict(truth=truth, reasons=(Reason(truth=truth, nl=nl, en=en),))


def _combine(truth: Truth, reasons: Iterable[Reason]) -> Verdict:
    return Verdict(truth=truth, reasons=tuple(dict.fromkeys(r for r in reasons if r.truth is truth)))


PROFILE_FIELDS: frozenset[str] = frozenset(a.name for a in attrs.fields(Profile))
"""Every field of :class:`~leraarroutes.Profile`: what a rule reads unless it says less."""


class Rule(abc.ABC):
    """The base of all entry rules. Subclasses are frozen attrs classes with a ``tag``.

    >>> rule: Rule = HasJob(sector=Sector.PO) & WorkExperience(min_years=2)
    >>> rule.tag, sorted(rule.reads()), rule.truth(Profile(work_experience_years=1.0))
    ('all', ['job', 'work_experience_years'], <Truth.NO: 'no'>)
    """

    __slots__ = ()
    tag: ClassVar[str]

    @abc.abstractmethod
    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        """Decide the rule for ``profile``, asking ``context`` for tables and the date."""

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        """Only the truth of :meth:`evaluate`, without writing out reasons (what searches need).

        >>> HasJob(sector=Sector.PO).truth(Profile())
        <Truth.UNKNOWN: 'unknown'>
        """
        return self.evaluate(profile, context).truth

    def bind(self, subject: SubjectId) -> Rule:
        """The rule with the ``{subject}`` placeholder filled in."""
        changes = {
            a.name: subject
            for a in attrs.fields(type(self))  # type: ignore[arg-type] # subclasses are attrs classes
            if getattr(self, a.name) == SUBJECT_PLACEHOLDER
        }
        return attrs.evolve(self, **changes) if changes else self  # type: ignore[misc]

    def children(self) -> tuple[Rule, ...]:
        """The rules directly inside this one."""
        return ()

    def reads(self) -> frozenset[str]:
        """The :class:`~leraarroutes.Profile` fields this rule's verdict depends on.

        Caches of verdicts rely on it: two profiles equal in these fields get the same verdict (on
        the same catalogue and date). A rule type that does not say is taken to read every field.

        >>> job = HasJob(sector=Sector.VO)
        >>> sorted(job.reads()), sorted((job & WorkExperience(min_years=2)).reads())
        (['job'], ['job', 'work_experience_years'])
        """
        own: tuple[str, ...] | None = getattr(self, "_reads", None)
        if own is None:
            return PROFILE_FIELDS
        return frozenset(own).union(*(child.reads() for child in self.children()))

    def walk(self) -> Iterator[Rule]:
        """Yield this rule and every rule inside it, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()

    def __and__(self, other: Rule) -> Rule:
        return AllOf(rules=(self, other))

    def __or__(self, other: Rule) -> Rule:
        return AnyOf(rules=(self, other))

    def __invert__(self) -> Rule:
        return Not(rule=self)

    def __str__(self) -> str:
        parts = []
        for a in attrs.fields(type(self)):  # type: ignore[arg-type] # subclasses are attrs classes
            value = getattr(self, a.name)
            if value == a.default:
                continue
            if isinstance(value, tuple):
                text = "[" + ", ".join(str(v) for v in value) + "]"
            elif isinstance(value, enum.Enum):
                text = str(value.value)
            else:
                text = str(value)
            parts.append(f"{a.name}={text}")
        return f"{self.tag}({', '.join(parts)})"


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


def _all_rules(_i: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for item in value:
        if not isinstance(item, Rule):
            msg = f"{attribute.name} must hold rules, not {item!r}"
            raise TypeError(msg)


class _Combination(Rule):
    """The shared workings of ``all`` and ``any``: fold the children's truths from ``_unit``."""

    __slots__ = ()
    rules: tuple[Rule, ...]
    _unit: ClassVar[Truth]
    _reads: ClassVar[tuple[str, ...]] = ()  # nothing of their own: what the rules inside read

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        # The verdict keeps the reasons of the rules whose truth is its own, so only those rules
        # are written out; the others are asked for their truth alone (much cheaper).
        truths = [r.truth(profile, context) for r in self.rules]
        truth = self._unit
        for t in truths:
            truth = (truth & t) if self._unit is _YES else (truth | t)
        deciding = [r for r, t in zip(self.rules, truths, strict=True) if t is truth]
        return _combine(truth, (reason for r in deciding for reason in r.evaluate(profile, context).reasons))

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        unit = self._unit
        decided = ~unit  # what ends the fold early: a NO for all, a YES for any
        truth = unit
        for r in self.rules:
            t = r.truth(profile, context)
            if t is decided:
                return t
            if t is _UNKNOWN:
                truth = _UNKNOWN
        return truth

    def bind(self, subject: SubjectId) -> Rule:
        return type(self)(rules=tuple(r.bind(subject) for r in self.rules))  # type: ignore[call-arg]

    def children(self) -> tuple[Rule, ...]:
        return self.rules

    def __str__(self) -> str:
        return f"{self.tag}({', '.join(str(r) for r in self.rules)})"


@frozen(kw_only=True)
class AllOf(_Combination):
    """Every rule inside holds. ``AllOf(rules=())`` always holds (no requirement).

    >>> from leraarroutes import Job
    >>> rule = AllOf(rules=(HasDiploma(levels=(Level.HBO_BACHELOR,)), HasJob(sector=Sector.PO)))
    >>> verdict = rule.evaluate(Profile(diplomas=(Diploma(level=Level.HBO_BACHELOR),), job=Job(sector=Sector.PO)))
    >>> verdict.truth, [r.nl for r in verdict.reasons]
    (<Truth.YES: 'yes'>, ['diploma hbo-bachelor aanwezig', 'baan in het po'])
    """

    tag: ClassVar[str] = "all"
    _unit: ClassVar[Truth] = _YES
    rules: tuple[Rule, ...] = field(converter=_rules, validator=_all_rules)


@frozen(kw_only=True)
class AnyOf(_Combination):
    """At least one rule inside holds. ``AnyOf(rules=())`` never holds.

    >>> AnyOf(rules=(HasJob(sector=Sector.PO), HasDiploma(levels=(Level.VWO,)))).truth(Profile())
    <Truth.UNKNOWN: 'unknown'>
    """

    tag: ClassVar[str] = "any"
    _unit: ClassVar[Truth] = _NO
    rules: tuple[Rule, ...] = field(converter=_rules, validator=_all_rules)


@frozen(kw_only=True)
class Not(Rule):
    """The rule inside does not hold (unknown stays unknown).

    >>> from leraarroutes import Job
    >>> Not(rule=HasJob(sector=Sector.PO)).evaluate(Profile(job=Job(sector=Sector.PO))).reasons[0].nl
    'niet: baan in het po'
    """

    tag: ClassVar[str] = "not"
    _reads: ClassVar[tuple[str, ...]] = ()
    rule: Rule = field(validator=lambda _i, a, v: _all_rules(_i, a, (v,)))

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        inner = self.rule.evaluate(profile, context)
        flipped = tuple(Reason(truth=~r.truth, nl=f"niet: {r.nl}", en=f"not: {r.en}") for r in inner.reasons)
        return Verdict(truth=~inner.truth, reasons=flipped)

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        return ~self.rule.truth(profile, context)

    def bind(self, subject: SubjectId) -> Rule:
        return Not(rule=self.rule.bind(subject))

    def children(self) -> tuple[Rule, ...]:
        return (self.rule,)

    def __str__(self) -> str:
        return f"not({self.rule})"


def _levels(value: Iterable[Level | str]) -> tuple[Level, ...]:
    return tuple(sorted({Level(v) for v in value}, key=list(Level).index))


def _optional_subject(_i: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value != SUBJECT_PLACEHOLDER:
        _validate.slug(_i, attribute, value)


def _table_with_subject(instance: Any, _a: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    if (value is None) != (instance.related_to is None):
        msg = "related_to and table go together: name both, or neither"
        raise ValueError(msg)
    if value is not None:
        _validate.slug(instance, _a, value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _degree_check(
    degree: Diploma | Study,
    *,
    programmes: tuple[str, ...],
    related_to: SubjectId | None,
    table: str | None,
    context: RuleContext,
) -> list[Reason]:
    """Check one diploma or study against the name and relatedness conditions of a rule."""
    label = degree.programme or degree.level.value
    checks: list[Reason] = []
    if programmes:
        names = context.degree_names(degree)
        wanted = {p.casefold() for p in programmes}
        if names is None:
            checks.append(
                Reason(
                    truth=Truth.UNKNOWN,
                    nl=f"de naam van de opleiding ({degree.level.value}) is niet opgegeven",
                    en=f"the programme name of the {degree.level.value} is not given",
                )
            )
        elif names & wanted:
            checks.append(Reason(truth=Truth.YES, nl=f"{label} staat op de lijst", en=f"{label} is listed"))
        else:
            checks.append(
                Reason(
                    truth=Truth.NO,
                    nl=f"{label} staat niet op de lijst ({', '.join(programmes)})",
                    en=f"{label} is not on the list ({', '.join(programmes)})",
                )
            )
    if related_to is not None and table is not None:
        checks.append(context.relatedness(table, related_to, degree))
    return checks


def _degree_truth(
    degree: Diploma | Study,
    programmes: tuple[str, ...],
    related_to: SubjectId | None,
    table: str | None,
    context: RuleContext,
) -> Truth:
    """The truth of :func:`_degree_check`'s checks together, without their reasons."""
    truth = _YES
    if programmes:
        names = context.degree_names(degree)
        if names is None:
            truth = _UNKNOWN
        elif not names & {p.casefold() for p in programmes}:
            return _NO
    if related_to is not None and table is not None:
        truth &= context.relatedness(table, related_to, degree).truth
    return truth


def _best(per_degree: list[list[Reason]], missing: Reason) -> Verdict:
    """A verdict from the degree that fits best: any YES wins, then UNKNOWN, then NO."""
    if not per_degree:
        return Verdict(truth=Truth.NO, reasons=(missing,))
    scored = []
    for checks in per_degree:
        truth = _YES
        for c in checks:
            truth &= c.truth
        scored.append((truth, checks))
    for wanted in (_YES, _UNKNOWN, _NO):
        found = [checks for truth, checks in scored if truth is wanted]
        if found:
            return _combine(wanted, found[0]) if found[0] else Verdict(truth=wanted)
    raise AssertionError  # pragma: no cover - the loop covers every truth value


@frozen(kw_only=True)
class HasDiploma(Rule):
    """The person holds a diploma of one of ``levels``.

    Optionally the diploma's programme must be one of ``programmes`` (names, matched
    case-insensitively and through the catalogue's aliases), related to ``related_to`` by the
    relatedness ``table``, and awarded at most ``max_age_years`` before the date asked for.
    """

    tag: ClassVar[str] = "diploma"
    _reads: ClassVar[tuple[str, ...]] = ("diplomas",)
    levels: tuple[Level, ...] = field(converter=_levels, validator=validators.min_len(1))
    programmes: tuple[str, ...] = field(default=(), converter=_names)
    related_to: SubjectId | None = field(default=None, validator=_optional_subject)
    table: str | None = field(default=None, validator=_table_with_subject)
    max_age_years: int | None = field(default=None, validator=validators.optional(validators.ge(0)))

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        levels = ", ".join(level.value for level in self.levels)
        per_degree: list[list[Reason]] = []
        for diploma in profile.diplomas:
            if diploma.level not in self.levels:
                continue
            checks = [
                Reason(
                    truth=Truth.YES,
                    nl=f"diploma {diploma.level.value} aanwezig",
                    en=f"holds a {diploma.level.value} diploma",
                )
            ]
            checks += _degree_check(
                diploma,
                programmes=self.programmes,
                related_to=self.related_to,
                table=self.table,
                context=context,
            )
            if self.max_age_years is not None:
                checks.append(self._age(diploma, context))
            per_degree.append(checks)
        missing = Reason(truth=Truth.NO, nl=f"geen diploma van niveau {levels}", en=f"no {levels} diploma")
        return _best(per_degree, missing)

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        best = _NO
        for diploma in profile.diplomas:
            if diploma.level not in self.levels:
                continue
            truth = _degree_truth(diploma, self.programmes, self.related_to, self.table, context)
            if truth is not _NO and self.max_age_years is not None:
                truth &= self._age(diploma, context).truth
            best |= truth
            if best is _YES:
                break
        return best

    def _age(self, diploma: Diploma, context: RuleContext) -> Reason:
        if diploma.year is None or context.as_of is None:
            return Reason(
                truth=Truth.UNKNOWN,
                nl=f"het diploma mag hoogstens {self.max_age_years} jaar oud zijn; jaar onbekend",
                en=f"the diploma may be at most {self.max_age_years} years old; year unknown",
            )
        age = context.as_of.year - diploma.year
        truth = Truth.YES if age <= (self.max_age_years or 0) else Truth.NO
        return Reason(
            truth=truth,
            nl=f"diploma is {age} jaar oud (hoogstens {self.max_age_years})",
            en=f"diploma is {age} years old (at most {self.max_age_years})",
        )


@frozen(kw_only=True)
class IsStudying(Rule):
    """The person is enrolled in a study of one of ``levels`` with at least ``min_ec`` EC.

    >>> rule = IsStudying(levels=(Level.WO_BACHELOR,), min_ec=90)
    >>> rule.evaluate(Profile(studying=(Study(level=Level.WO_BACHELOR, ec=120),))).reasons[0].nl
    'studie wo-bachelor met 120 EC (minstens 90)'
    """

    tag: ClassVar[str] = "studying"
    _reads: ClassVar[tuple[str, ...]] = ("studying",)
    levels: tuple[Level, ...] = field(converter=_levels, validator=validators.min_len(1))
    min_ec: int = field(default=0, validator=validators.ge(0))
    related_to: SubjectId | None = field(default=None, validator=_optional_subject)
    table: str | None = field(default=None, validator=_table_with_subject)

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        levels = ", ".join(level.value for level in self.levels)
        per_degree: list[list[Reason]] = []
        for study in profile.studying:
            if study.level not in self.levels:
                continue
            enough = Truth.YES if study.ec >= self.min_ec else Truth.NO
            checks = [
                Reason(
                    truth=enough,
                    nl=f"studie {study.level.value} met {study.ec} EC (minstens {self.min_ec})",
                    en=f"studying {study.level.value} with {study.ec} EC (at least {self.min_ec})",
                )
            ]
            checks += _degree_check(study, programmes=(), related_to=self.related_to, table=self.table, context=context)
            per_degree.append(checks)
        missing = Reason(
            truth=Truth.NO,
            nl=f"geen lopende studie van niveau {levels}",
            en=f"not studying at level {levels}",
        )
        return _best(per_degree, missing)

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        best = _NO
        for study in profile.studying:
            if study.level not in self.levels or study.ec < self.min_ec:
                continue
            best |= _degree_truth(study, (), self.related_to, self.table, context)
            if best is _YES:
                break
        return best


@frozen(kw_only=True)
class HoldsQualification(Rule):
    """The person holds ``qualification`` (or a wider one of the same subject).

    >>> rule = HoldsQualification(qualification=Qualification.parse("tweedegraads:wiskunde"))
    >>> rule.truth(Profile(qualifications=(Qualification.parse("eerstegraads:wiskunde"),)))
    <Truth.YES: 'yes'>
    """

    tag: ClassVar[str] = "qualification"
    _reads: ClassVar[tuple[str, ...]] = ("qualifications",)
    qualification: Qualification = field(validator=validators.instance_of(Qualification))

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        _ = context
        q = self.qualification
        if profile.holds(q):
            return _said(Truth.YES, f"heeft de bevoegdheid {q}", f"holds {q}")
        return _said(Truth.NO, f"mist de bevoegdheid {q}", f"does not hold {q}")

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        _ = context
        return _YES if profile.holds(self.qualification) else _NO

    def bind(self, subject: SubjectId) -> Rule:
        return HoldsQualification(qualification=self.qualification.bind(subject))


def _programme_ids(value: Iterable[str]) -> tuple[ProgrammeId, ...]:
    return tuple(ProgrammeId(v) for v in value)


@frozen(kw_only=True)
class HasCompleted(Rule):
    """The person completed one of ``programmes`` (ids), or any programme of ``kind``.

    With ``kind``, ``subject`` narrows it to offerings for that subject (``"<id>/<subject>"``).

    >>> HasCompleted(programmes=("pabo",)).evaluate(Profile(completed=("pabo",))).reasons[0].nl
    'pabo afgerond'
    """

    tag: ClassVar[str] = "completed"
    _reads: ClassVar[tuple[str, ...]] = ("completed",)
    programmes: tuple[ProgrammeId, ...] = field(default=(), converter=_programme_ids)
    kind: str | None = field(default=None, validator=validators.optional(_validate.slug))
    subject: SubjectId | None = field(default=None, validator=_optional_subject)

    def __attrs_post_init__(self) -> None:
        if not self.programmes and self.kind is None:
            msg = "completed needs programmes or a kind"
            raise ValueError(msg)

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        done = set(profile.completed)
        hits = [p for p in self.programmes if p in done]
        if self.kind is not None:
            hits += [
                p
                for p in profile.completed
                if context.programme_kind(p) == self.kind
                and (self.subject is None or offering_subject(p) == self.subject)
            ]
        wanted = ", ".join([*self.programmes, *([f"kind {self.kind}"] if self.kind else [])])
        if hits:
            return _said(Truth.YES, f"{hits[0]} afgerond", f"completed {hits[0]}")
        return _said(Truth.NO, f"nog niet afgerond: {wanted}", f"not completed: {wanted}")

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        done = profile.completed
        if any(p in done for p in self.programmes):
            return _YES
        if self.kind is not None and any(
            context.programme_kind(p) == self.kind and (self.subject is None or offering_subject(p) == self.subject)
            for p in done
        ):
            return _YES
        return _NO

    def bind(self, subject: SubjectId) -> Rule:
        return HasCompleted(
            programmes=tuple(ProgrammeId(p.replace(SUBJECT_PLACEHOLDER, subject)) for p in self.programmes),
            kind=self.kind,
            subject=subject if self.subject == SUBJECT_PLACEHOLDER else self.subject,
        )


@frozen(kw_only=True)
class SubjectEc(Rule):
    """At least ``min_ec`` EC of wo-level content in ``subject``, less ``max_deficiency_ec``.

    With ``max_deficiency_ec`` a shortfall up to that many EC still admits (it must be closed
    during the programme). Unknown when the profile does not count EC for the subject.
    ``framework`` names the admission framework the numbers come from.

    >>> rule = SubjectEc(subject="natuurkunde", min_ec=80, max_deficiency_ec=10)
    >>> rule.evaluate(Profile(subject_ec={"natuurkunde": 75})).reasons[0].nl
    '75 EC natuurkunde: deficiëntie 5 EC, toegestaan tot 10'
    >>> rule.truth(Profile())
    <Truth.UNKNOWN: 'unknown'>
    """

    tag: ClassVar[str] = "subject_ec"
    _reads: ClassVar[tuple[str, ...]] = ("subject_ec", "completed")
    subject: SubjectId = field(validator=_optional_subject)
    min_ec: int = field(validator=validators.ge(1))
    max_deficiency_ec: int = field(default=0, validator=validators.ge(0))
    framework: str | None = field(default=None, validator=validators.optional(_validate.slug))
    deficiency_kind: str | None = field(default=None, validator=validators.optional(_validate.slug))

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        ec = profile.ec_in(self.subject)
        if ec is None:
            return _said(
                Truth.UNKNOWN,
                f"aantal EC vakinhoud {self.subject} niet opgegeven (nodig: {self.min_ec})",
                f"EC of {self.subject} content not given (needed: {self.min_ec})",
            )
        short = self.min_ec - ec
        if short <= 0:
            truth, nl, en = Truth.YES, f"{ec} EC {self.subject}", f"{ec} EC of {self.subject}"
        elif short <= self.max_deficiency_ec:
            truth = Truth.YES
            nl = f"{ec} EC {self.subject}: deficiëntie {short} EC, toegestaan tot {self.max_deficiency_ec}"
            en = f"{ec} EC of {self.subject}: deficiency {short} EC, allowed up to {self.max_deficiency_ec}"
        elif self._deficiency_courses_done(profile, context):
            truth = Truth.UNKNOWN
            nl = (
                f"{ec} EC {self.subject}: {short} EC te weinig, maar deficiëntiecursussen afgerond; "
                "de toelatingscommissie beslist"
            )
            en = (
                f"{ec} EC of {self.subject}: {short} EC short, but deficiency courses completed; "
                "the admission committee decides"
            )
        else:
            truth = Truth.NO
            nl = (
                f"{ec} EC {self.subject}: {short} EC te weinig "
                f"(nodig {self.min_ec}, deficiëntie hoogstens {self.max_deficiency_ec})"
            )
            en = (
                f"{ec} EC of {self.subject}: {short} EC short "
                f"(needed {self.min_ec}, deficiency at most {self.max_deficiency_ec})"
            )
        return _said(truth, nl, en)

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        ec = profile.ec_in(self.subject)
        if ec is None:
            return _UNKNOWN
        if self.min_ec - ec <= self.max_deficiency_ec:
            return _YES
        return _UNKNOWN if self._deficiency_courses_done(profile, context) else _NO

    def _deficiency_courses_done(self, profile: Profile, context: RuleContext) -> bool:
        if self.deficiency_kind is None:
            return False
        return any(
            context.programme_kind(p) == self.deficiency_kind and offering_subject(p) == self.subject
            for p in profile.completed
        )


def _subjects(value: Iterable[str]) -> tuple[SubjectId, ...]:
    return tuple(SubjectId(v) for v in value)


@frozen(kw_only=True)
class ExamSubject(Rule):
    """A diploma of one of ``levels`` with a final exam in one of ``subjects``.

    >>> havo = Diploma(level=Level.HAVO, exam_subjects=("biologie", "natuurkunde"))
    >>> ExamSubject(subjects=("natuurkunde",)).evaluate(Profile(diplomas=(havo,))).reasons[0].nl
    'eindexamen natuurkunde (havo)'
    """

    tag: ClassVar[str] = "exam_subject"
    _reads: ClassVar[tuple[str, ...]] = ("diplomas",)
    subjects: tuple[SubjectId, ...] = field(converter=_subjects, validator=validators.min_len(1))
    levels: tuple[Level, ...] = field(default=(Level.HAVO, Level.VWO), converter=_levels)

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        _ = context
        wanted = ", ".join(self.subjects)
        candidates = [d for d in profile.diplomas if d.level in self.levels]
        for d in candidates:
            hit = set(d.exam_subjects) & set(self.subjects)
            if hit:
                s = min(hit)
                return _said(Truth.YES, f"eindexamen {s} ({d.level.value})", f"final exam in {s} ({d.level.value})")
        if any(not d.exam_subjects for d in candidates):
            return _said(
                Truth.UNKNOWN,
                f"eindexamenvakken niet opgegeven (gevraagd: {wanted})",
                f"final-exam subjects not given (asked: {wanted})",
            )
        return _said(Truth.NO, f"geen eindexamen in {wanted}", f"no final exam in {wanted}")

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        _ = context
        unknown = False
        for d in profile.diplomas:
            if d.level not in self.levels:
                continue
            if not d.exam_subjects:
                unknown = True
            elif any(s in self.subjects for s in d.exam_subjects):
                return _YES
        return _UNKNOWN if unknown else _NO


@frozen(kw_only=True)
class HasJob(Rule):
    """A job (or job offer) at a school in ``sector``, teaching ``subject`` when given."""

    tag: ClassVar[str] = "job"
    _reads: ClassVar[tuple[str, ...]] = ("job",)
    sector: Sector = field(converter=_sector)
    subject: SubjectId | None = field(default=None, validator=_optional_subject)

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        _ = context
        want = self.sector.value + (f" ({self.subject})" if self.subject else "")
        job = profile.job
        if job is None:
            truth = Truth.UNKNOWN
            nl, en = (
                f"baan in het {want} nodig; niet opgegeven",
                f"needs a job in {want}; not given",
            )
        elif job.sector is not self.sector:
            truth = Truth.NO
            nl, en = (
                f"baan in het {job.sector.value}, niet in het {want}",
                f"job in {job.sector.value}, not {want}",
            )
        elif self.subject is not None and job.subject is None:
            truth = Truth.UNKNOWN
            nl, en = (
                f"vak van de baan niet opgegeven (nodig: {self.subject})",
                f"subject of the job not given (needed: {self.subject})",
            )
        elif self.subject is not None and job.subject != self.subject:
            truth = Truth.NO
            nl, en = (
                f"baan voor {job.subject}, niet {self.subject}",
                f"job teaching {job.subject}, not {self.subject}",
            )
        else:
            truth = Truth.YES
            nl, en = f"baan in het {want}", f"job in {want}"
        return _said(truth, nl, en)

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        _ = context
        job = profile.job
        if job is None:
            return _UNKNOWN
        if job.sector is not self.sector:
            return _NO
        if self.subject is None:
            return _YES
        if job.subject is None:
            return _UNKNOWN
        return _YES if job.subject == self.subject else _NO


@frozen(kw_only=True)
class WorkExperience(Rule):
    """At least ``min_years`` of work experience."""

    tag: ClassVar[str] = "work_experience"
    _reads: ClassVar[tuple[str, ...]] = ("work_experience_years",)
    min_years: float = field(validator=validators.ge(0))

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        _ = context
        years = profile.work_experience_years
        if years is None:
            truth = Truth.UNKNOWN
            nl = f"werkervaring niet opgegeven (nodig: {self.min_years:g} jaar)"
            en = f"work experience not given (needed: {self.min_years:g} years)"
        else:
            truth = Truth.YES if years >= self.min_years else Truth.NO
            nl = f"{years:g} jaar werkervaring (nodig: {self.min_years:g})"
            en = f"{years:g} years of work experience (needed: {self.min_years:g})"
        return _said(truth, nl, en)

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        _ = context
        years = profile.work_experience_years
        if years is None:
            return _UNKNOWN
        return _YES if years >= self.min_years else _NO


@frozen(kw_only=True)
class Decision(Rule):
    """A requirement decided case by case (a toelatingscommissie, an intake): always unknown.

    >>> Decision(by="de toelatingscommissie").evaluate(Profile()).reasons[0].en
    'decided by de toelatingscommissie'
    """

    tag: ClassVar[str] = "decision"
    _reads: ClassVar[tuple[str, ...]] = ()
    by: str = field(validator=_validate.non_blank)
    note: str | None = field(default=None, validator=_validate.optional_non_blank)

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        _ = profile, context
        extra = f": {self.note}" if self.note else ""
        return _said(Truth.UNKNOWN, f"besluit van {self.by}{extra}", f"decided by {self.by}{extra}")

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        _ = profile, context
        return _UNKNOWN


RULE_TYPES: tuple[type[Rule], ...] = (
    AllOf,
    AnyOf,
    Not,
    HasDiploma,
    IsStudying,
    HoldsQualification,
    HasCompleted,
    SubjectEc,
    ExamSubject,
    HasJob,
    WorkExperience,
    Decision,
)
"""Every rule class, in the order the file format documents them."""


def _levels_text(levels: Iterable[Level], lang: str) -> str:
    return (" of " if lang == "nl" else " or ").join(level.value for level in levels)


def describe(rule: Rule, lang: str = "nl") -> str:  # noqa: C901, PLR0911, PLR0912 - one sentence per kind of rule
    """The rule in words, in Dutch (default) or English, for people reading the catalogue.

    >>> describe(HasDiploma(levels=(Level.HAVO, Level.VWO)) | HasJob(sector=Sector.PO))
    'een van: diploma havo of vwo; baan in het po'
    """
    nl = _validate.language(lang) == "nl"
    if isinstance(rule, (AllOf, AnyOf)):
        if not rule.rules:
            return (
                ("geen eisen" if nl else "no requirements") if isinstance(rule, AllOf) else ("nooit" if nl else "never")
            )
        head = ("alle: " if nl else "all of: ") if isinstance(rule, AllOf) else ("een van: " if nl else "one of: ")
        parts = [
            f"({describe(r, lang)})" if isinstance(r, (AllOf, AnyOf)) and len(r.rules) > 1 else describe(r, lang)
            for r in rule.rules
        ]
        return parts[0] if len(parts) == 1 else head + "; ".join(parts)
    if isinstance(rule, Not):
        return ("niet: " if nl else "not: ") + describe(rule.rule, lang)
    if isinstance(rule, HasDiploma):
        text = ("diploma " if nl else "a diploma ") + _levels_text(rule.levels, lang)
        if rule.programmes:
            text += " in " + ", ".join(rule.programmes)
        if rule.related_to:
            text += (
                f" verwant aan {rule.related_to} ({rule.table})"
                if nl
                else f" related to {rule.related_to} ({rule.table})"
            )
        if rule.max_age_years is not None:
            text += f", hoogstens {rule.max_age_years} jaar oud" if nl else f", at most {rule.max_age_years} years old"
        return text
    if isinstance(rule, IsStudying):
        text = (
            f"studie {_levels_text(rule.levels, lang)} met minstens {rule.min_ec} EC"
            if nl
            else (f"studying {_levels_text(rule.levels, lang)} with at least {rule.min_ec} EC")
        )
        if rule.related_to:
            text += (
                f", verwant aan {rule.related_to} ({rule.table})"
                if nl
                else f", related to {rule.related_to} ({rule.table})"
            )
        return text
    if isinstance(rule, HoldsQualification):
        return f"bevoegdheid {rule.qualification}" if nl else f"the qualification {rule.qualification}"
    if isinstance(rule, HasCompleted):
        done = ", ".join([*rule.programmes, *([f"een {rule.kind}"] if rule.kind else [])])
        return f"afgerond: {done}" if nl else f"completed: {done}"
    if isinstance(rule, SubjectEc):
        return (
            f"minstens {rule.min_ec} EC vakinhoud {rule.subject} (tekort tot {rule.max_deficiency_ec} EC toegestaan)"
            if nl
            else f"at least {rule.min_ec} EC of {rule.subject} content (up to {rule.max_deficiency_ec} EC short)"
        )
    if isinstance(rule, ExamSubject):
        return (
            f"eindexamen {_levels_text(rule.levels, lang)} in "
            if nl
            else f"a {_levels_text(rule.levels, lang)} final exam in "
        ) + (" of " if nl else " or ").join(rule.subjects)
    if isinstance(rule, HasJob):
        where = rule.sector.value + (f" ({rule.subject})" if rule.subject else "")
        return f"baan in het {where}" if nl else f"a job in {where}"
    if isinstance(rule, WorkExperience):
        return (
            f"minstens {rule.min_years:g} jaar werkervaring"
            if nl
            else f"at least {rule.min_years:g} years of work experience"
        )
    if isinstance(rule, Decision):
        extra = f" ({rule.note})" if rule.note else ""
        return f"besluit van {rule.by}{extra}" if nl else f"decided by {rule.by}{extra}"
    return str(rule)
