"""Rules about the rest of a profile: qualifications, completions, EC, exams, jobs, experience.

And :class:`Decision`, for what no profile can settle (an admission committee's judgement).

>>> from leraarroutes import Job, Profile, Sector
>>> HasJob(sector=Sector.PO).truth(Profile(job=Job(sector=Sector.PO)))
<Truth.YES: 'yes'>
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

from attrs import field, frozen, validators

from leraarroutes import _validate
from leraarroutes.ids import SUBJECT_PLACEHOLDER, ProgrammeId, SubjectId, offering_subject
from leraarroutes.model.education import Diploma, Level, Study
from leraarroutes.model.profile import Profile, Sector, _sector
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules._fields import _levels, _optional_subject
from leraarroutes.rules.algebra import (
    _NO,
    _UNKNOWN,
    _YES,
    NO_CONTEXT,
    Rule,
    RuleContext,
    Truth,
    Verdict,
    _said,
)


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


def _subject_words(context: RuleContext, subject: SubjectId | None) -> tuple[str, str]:
    """A subject in Dutch and English: its name as the catalogue writes it, else its id."""
    if subject is None:
        return "", ""
    return context.subject_name(subject, "nl") or subject, context.subject_name(subject, "en") or subject


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
        if hits:
            nl_hit = context.programme_name(hits[0], "nl") or hits[0]
            en_hit = context.programme_name(hits[0], "en") or hits[0]
            return _said(Truth.YES, f"{nl_hit} afgerond", f"completed {en_hit}")
        # names where the catalogue knows them; any one of them will do
        nl = " of ".join(
            [context.programme_name(p, "nl") or p for p in self.programmes]
            + ([f"een opleiding van soort {self.kind}"] if self.kind else [])
        )
        en = " or ".join(
            [context.programme_name(p, "en") or p for p in self.programmes]
            + ([f"a programme of kind {self.kind}"] if self.kind else [])
        )
        return _said(Truth.NO, f"nog niet afgerond: {nl}", f"not completed: {en}")

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
    during the programme, for example with deficiency courses); a larger one does not, whatever
    courses were taken (their EC belong in ``subject_ec``). Unknown when the profile does not
    count EC for the subject, unless ``table`` is given and every wo bachelor the person holds or
    studies is known not to be related to the subject under it: then no, with what would open it.
    ``framework`` names the admission framework the numbers come from.

    >>> rule = SubjectEc(subject="natuurkunde", min_ec=80, max_deficiency_ec=10)
    >>> rule.evaluate(Profile(subject_ec={"natuurkunde": 75})).reasons[0].nl
    '75 EC natuurkunde: deficiëntie 5 EC, toegestaan tot 10'
    >>> rule.truth(Profile())
    <Truth.UNKNOWN: 'unknown'>
    """

    tag: ClassVar[str] = "subject_ec"
    _reads: ClassVar[tuple[str, ...]] = ("subject_ec", "diplomas", "studying")
    subject: SubjectId = field(validator=_optional_subject)
    min_ec: int = field(validator=validators.ge(1))
    max_deficiency_ec: int = field(default=0, validator=validators.ge(0))
    framework: str | None = field(default=None, validator=validators.optional(_validate.slug))
    deficiency_kind: str | None = field(default=None, validator=validators.optional(_validate.slug))
    table: str | None = field(default=None, validator=validators.optional(_validate.slug))

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        ec = profile.ec_in(self.subject)
        if ec is None:
            need = self.min_ec - self.max_deficiency_ec
            if self._unrelated_degrees(profile, context):
                return _said(
                    Truth.NO,
                    f"je wo-bachelor is geen {self.subject}-opleiding ({self.table}); open als je minstens "
                    f"{need} EC vakinhoud {self.subject} op wo-niveau aantoont (subject_ec)",
                    f"your wo bachelor is not a {self.subject} programme ({self.table}); open if you show at "
                    f"least {need} EC of wo-level {self.subject} content (subject_ec)",
                )
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
            return _NO if self._unrelated_degrees(profile, context) else _UNKNOWN
        return _YES if self.min_ec - ec <= self.max_deficiency_ec else _NO

    def _unrelated_degrees(self, profile: Profile, context: RuleContext) -> bool:
        """Whether every wo bachelor of the person is known not to be related under ``table``."""
        if self.table is None:
            return False
        degrees: tuple[Diploma | Study, ...] = (*profile.diplomas, *profile.studying)
        bachelors = [d for d in degrees if d.level is Level.WO_BACHELOR]
        return bool(bachelors) and all(context.relatedness(self.table, self.subject, d).truth is _NO for d in bachelors)


def _subjects(value: Iterable[str]) -> tuple[SubjectId, ...]:
    return tuple(SubjectId(v) for v in value)


@frozen(kw_only=True)
class ExamSubject(Rule):
    """A diploma of one of ``levels`` with a final exam in one of ``subjects``.

    >>> from leraarroutes import Diploma
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
        subject_nl, subject_en = _subject_words(context, self.subject)
        want = self.sector.value + (f" ({subject_nl})" if self.subject else "")
        want_en = self.sector.value + (f" ({subject_en})" if self.subject else "")
        job = profile.job
        if job is None:
            truth = Truth.UNKNOWN
            nl, en = (
                f"baan in het {want} nodig; niet opgegeven",
                f"needs a job in {want_en}; not given",
            )
        elif job.sector is not self.sector:
            truth = Truth.NO
            nl, en = (
                f"baan in het {job.sector.value}, niet in het {want}",
                f"job in {job.sector.value}, not {want_en}",
            )
        elif self.subject is not None and job.subject is None:
            truth = Truth.UNKNOWN
            nl, en = (
                f"vak van de baan niet opgegeven (nodig: {subject_nl})",
                f"subject of the job not given (needed: {subject_en})",
            )
        elif self.subject is not None and job.subject != self.subject:
            truth = Truth.NO
            held_nl, held_en = _subject_words(context, job.subject)
            nl, en = (
                f"baan voor {held_nl}, niet {subject_nl}",
                f"job teaching {held_en}, not {subject_en}",
            )
        else:
            truth = Truth.YES
            nl, en = f"baan in het {want}", f"job in {want_en}"
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
class Before(Rule):
    """The question is asked before ``date``: for a requirement that only exists from that day on.

    Unknown without a date (a rule read on its own).

    >>> import datetime as dt
    >>> from leraarroutes import load_catalogue
    >>> rule = Before(date=dt.date(2015, 8, 1), note="de pabo-toetsen bestaan sinds 1 augustus 2015")
    >>> rule.truth(Profile(), load_catalogue().context(dt.date(2014, 1, 1)))
    <Truth.YES: 'yes'>
    """

    tag: ClassVar[str] = "before"
    _reads: ClassVar[tuple[str, ...]] = ()
    date: dt.date = field(validator=validators.instance_of(dt.date))
    note: str | None = field(default=None, validator=_validate.optional_non_blank)

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        _ = profile
        extra = f" ({self.note})" if self.note else ""
        if context.as_of is None:
            return _said(Truth.UNKNOWN, f"datum van de vraag onbekend{extra}", f"date of the question unknown{extra}")
        if context.as_of < self.date:
            return _said(Truth.YES, f"vóór {self.date:%d-%m-%Y}{extra}", f"before {self.date:%Y-%m-%d}{extra}")
        return _said(Truth.NO, f"sinds {self.date:%d-%m-%Y}{extra}", f"since {self.date:%Y-%m-%d}{extra}")

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        _ = profile
        if context.as_of is None:
            return _UNKNOWN
        return _YES if context.as_of < self.date else _NO


@frozen(kw_only=True)
class VocationalSubject(Rule):
    """``subject`` is one of the designated vocational subjects (beroepsgerichte vakken).

    The catalogue knows which subjects are (its ``vocational`` flag); without a catalogue the
    answer is unknown. An mbo-4 diploma admits to a side entry only for these (WVO art. 118l lid 3).

    >>> VocationalSubject(subject="wiskunde").truth(Profile())
    <Truth.UNKNOWN: 'unknown'>
    """

    tag: ClassVar[str] = "vocational"
    _reads: ClassVar[tuple[str, ...]] = ()
    subject: SubjectId = field(validator=_optional_subject)

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        _ = profile
        known = context.is_vocational(self.subject)
        if known is None:
            return _said(
                Truth.UNKNOWN,
                f"of {self.subject} een aangewezen beroepsgericht vak is, is niet bekend",
                f"whether {self.subject} is a designated vocational subject is not known",
            )
        if known:
            return _said(
                Truth.YES,
                f"{self.subject} is een aangewezen beroepsgericht vak",
                f"{self.subject} is a designated vocational subject",
            )
        return _said(
            Truth.NO,
            f"{self.subject} is geen aangewezen beroepsgericht vak (WVO art. 118l lid 3)",
            f"{self.subject} is not a designated vocational subject (WVO art. 118l lid 3)",
        )

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        _ = profile
        known = context.is_vocational(self.subject)
        return _UNKNOWN if known is None else _YES if known else _NO


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
