"""Entry rules: a small algebra of requirements, evaluated with three-valued logic.

A rule evaluates against a profile to a :class:`Verdict`: ``YES``, ``NO`` or ``UNKNOWN``, with
reasons in Dutch and English. A rule that needs a fact the profile does not give (no job stated,
no EC counted, a degree name the catalogue does not know) says ``UNKNOWN``, never a silent no.
``&``, ``|`` and ``~`` combine rules with Kleene's strong three-valued logic.

>>> from leraarroutes import Diploma, HasDiploma, HasJob, Level, Profile, Sector
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
from attrs import field, frozen

from leraarroutes import _validate
from leraarroutes.ids import SUBJECT_PLACEHOLDER, ProgrammeId, SubjectId
from leraarroutes.model.education import Diploma, Study
from leraarroutes.model.profile import Profile


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

    >>> from leraarroutes import HasDiploma, Level
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

    def is_vocational(self, subject: SubjectId) -> bool | None:
        """Whether ``subject`` is a designated vocational subject, or None when unknown."""
        ...

    def programme_name(self, programme: ProgrammeId, lang: str) -> str | None:
        """The name of a programme (or offering, with its subject) in ``lang``, or None when unknown."""
        ...

    def subject_name(self, subject: SubjectId, lang: str) -> str | None:
        """The name of a school subject in ``lang``, or None when unknown."""
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

    def is_vocational(self, subject: SubjectId) -> bool | None:
        _ = subject
        return None

    def programme_name(self, programme: ProgrammeId, lang: str) -> str | None:
        _ = programme, lang
        return None

    def subject_name(self, subject: SubjectId, lang: str) -> str | None:
        _ = subject, lang
        return None


NO_CONTEXT: RuleContext = _NoContext()
"""The context used when none is given: no tables, no date."""


def _said(truth: Truth, nl: str, en: str) -> Verdict:
    """A verdict resting on one reason."""
    return Verdict(truth=truth, reasons=(Reason(truth=truth, nl=nl, en=en),))


def _combine(truth: Truth, reasons: Iterable[Reason]) -> Verdict:
    return Verdict(truth=truth, reasons=tuple(dict.fromkeys(r for r in reasons if r.truth is truth)))


def _either(verdicts: Iterable[Verdict]) -> Reason:
    """One unknown reason for an open choice between unknown alternatives.

    A tail every alternative shares ("; niet opgegeven") is said once, at the end.
    """
    options = [[r for r in dict.fromkeys(v.reasons) if r.truth is _UNKNOWN] for v in verdicts]
    options = [o for o in options if o]

    def joined(lang: str, word_or: str, word_and: str) -> str:
        texts = [f" {word_and} ".join(r.text(lang) for r in o) for o in options]
        tails = {text.rpartition("; ")[2] for text in texts}
        if len(tails) == 1 and all("; " in text for text in texts):
            tail = tails.pop()
            heads = [text.rpartition("; ")[0] for text in texts]
            return f" {word_or} ".join(heads) + f"; {tail}"
        return f" {word_or} ".join(texts)

    return Reason(
        truth=_UNKNOWN,
        nl=f"één van: {joined('nl', 'of', 'en')}",
        en=f"one of: {joined('en', 'or', 'and')}",
    )


PROFILE_FIELDS: frozenset[str] = frozenset(a.name for a in attrs.fields(Profile))
"""Every field of :class:`~leraarroutes.Profile`: what a rule reads unless it says less."""


class Rule(abc.ABC):
    """The base of all entry rules. Subclasses are frozen attrs classes with a ``tag``.

    >>> from leraarroutes import HasJob, Sector, WorkExperience
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

        >>> from leraarroutes import HasJob, Sector
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

        >>> from leraarroutes import HasJob, Sector, WorkExperience
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
        if self._unit is _NO and truth is _UNKNOWN and len(deciding) > 1:
            # an open choice is one condition ("one of: a job in vo or in mbo"), not a list that
            # reads as "you need both"
            return Verdict(truth=truth, reasons=(_either(r.evaluate(profile, context) for r in deciding),))
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

    >>> from leraarroutes import HasDiploma, HasJob, Job, Level, Sector
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

    >>> from leraarroutes import HasDiploma, HasJob, Level, Sector
    >>> AnyOf(rules=(HasJob(sector=Sector.PO), HasDiploma(levels=(Level.VWO,)))).truth(Profile())
    <Truth.UNKNOWN: 'unknown'>
    """

    tag: ClassVar[str] = "any"
    _unit: ClassVar[Truth] = _NO
    rules: tuple[Rule, ...] = field(converter=_rules, validator=_all_rules)


@frozen(kw_only=True)
class Not(Rule):
    """The rule inside does not hold (unknown stays unknown).

    >>> from leraarroutes import HasJob, Job, Sector
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
