"""Programmes: what a route step is, what it asks, takes, costs and grants, and where that is written.

>>> from leraarroutes.rules import HasDiploma
>>> from leraarroutes.model.education import Level
>>> from leraarroutes.model.profile import Sector
>>> kop = Programme(
...     id="kopopleiding", kind=ProgrammeKind.KOPOPLEIDING, name="Kopopleiding leraar",
...     sector=Sector.VO, level=ProgrammeLevel.HBO, ec=60,
...     durations=(Duration(form=StudyForm.VOLTIJD, months=12),),
...     subjects=("wiskunde",),
...     entry=HasDiploma(levels=(Level.HBO_BACHELOR,), related_to="{subject}", table="kopopleiding"),
...     grants=Grants(qualifications=("tweedegraads:{subject}",)),
...     sources=(Source(url="https://www.vereniginghogescholen.nl/"),),
... )
>>> [str(q) for q in kop.offering("wiskunde").grants.qualifications]
['tweedegraads:wiskunde']
>>> kop.offering("wiskunde").id
'kopopleiding/wiskunde'
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs
from attrs import field, frozen, validators

from leraarroutes import _validate
from leraarroutes.ids import SUBJECT_PLACEHOLDER, ProgrammeId, SubjectId
from leraarroutes.model.education import Diploma, StudyForm
from leraarroutes.model.profile import Sector
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules import AllOf, Rule

__all__ = [
    "Cost",
    "Duration",
    "Exemption",
    "Grants",
    "Programme",
    "ProgrammeKind",
    "ProgrammeLevel",
    "Source",
    "StudyForm",
    "Subsidy",
]


class ProgrammeKind(enum.StrEnum):
    """The kinds of programme; output and diagrams group and colour by kind."""

    PABO = "pabo"
    PABO_VERKORT = "pabo-verkort"
    ACADEMISCHE_PABO = "academische-pabo"
    PWPO = "pwpo"
    EMPO = "empo"
    MPABO = "mpabo"
    ZIJ_INSTROOM = "zij-instroom"
    ACADEMISCHE_ZIJ_INSTROOM_PO = "academische-zij-instroom-po"
    PREMASTER = "premaster"
    SCHAKELPROGRAMMA = "schakelprogramma"
    AD_PEP = "ad-pep"
    TWEEDEGRAADS_BACHELOR = "tweedegraads-bachelor"
    KOPOPLEIDING = "kopopleiding"
    HBO_MASTER_LERAAR = "hbo-master-leraar"
    EDUCATIEVE_MINOR = "educatieve-minor"
    EDUCATIEVE_MODULE = "educatieve-module"
    EDUCATIEVE_MASTER_1JR = "educatieve-master-1jr"
    EDUCATIEVE_MASTER_2JR = "educatieve-master-2jr"
    TRAINEES_IN_ONDERWIJS = "trainees-in-onderwijs"
    DEFICIENTIEPROGRAMMA = "deficientieprogramma"
    PDG_TRAJECT = "pdg-traject"
    KUNSTVAKDOCENT_BACHELOR = "kunstvakdocent-bachelor"
    ALO = "alo"
    AD_ONDERWIJS = "ad-onderwijs"
    # kinds the sources need beyond the list above (see the glossary)
    TOELATINGSTOETS = "toelatingstoets"
    GESCHIKTHEIDSONDERZOEK = "geschiktheidsonderzoek"
    ORIENTATIE = "orientatie"
    MAATWERKTRAJECT = "maatwerktraject"


class ProgrammeLevel(enum.StrEnum):
    """The level a programme is taught at."""

    HBO = "hbo"
    WO = "wo"
    HBO_WO = "hbo-wo"
    OTHER = "other"


def _https(_i: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        msg = f"{attribute.name} must be a web address starting with https:// or http://, not {value!r}"
        raise ValueError(msg)


def _url_or_title(instance: Source, _a: attrs.Attribute[Any], value: str | None) -> None:
    if value is None and instance.url is None:
        msg = "a source needs a url, a title, or both"
        raise ValueError(msg)
    _validate.optional_non_blank(instance, _a, value)


@frozen(kw_only=True)
class Source:
    """Where a fact is written: an address and/or a document title, the date read, a note.

    A source without an address (a document handed to the project) names it by ``title``.
    """

    url: str | None = field(default=None, validator=validators.optional(_https))
    title: str | None = field(default=None, validator=_url_or_title)
    retrieved: dt.date | None = None
    note: str | None = field(default=None, validator=_validate.optional_non_blank)

    def __str__(self) -> str:
        return self.url or str(self.title)


@frozen(kw_only=True)
class Subsidy:
    """Money paid to someone (usually the employer) for a person following a programme.

    >>> import datetime as dt
    >>> from leraarroutes import load_catalogue
    >>> subsidies: tuple[Subsidy, ...] = load_catalogue().programme("pdg-traject").subsidies
    >>> [(s.amount_eur, s.recipient) for s in subsidies if s.valid_on(dt.date(2024, 1, 1))]
    [(25000, 'werkgever')]
    """

    amount_eur: int = field(validator=validators.ge(0))
    recipient: str = field(validator=validators.in_(("deelnemer", "werkgever")))
    valid_from: dt.date | None = None
    valid_until: dt.date | None = field(default=None, validator=_validate.dates_in_order)
    note: str = field(validator=_validate.non_blank)
    sources: tuple[str, ...] = field(validator=[validators.min_len(1), validators.deep_iterable(_https)])

    def valid_on(self, day: dt.date) -> bool:
        """Whether the amount applies on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day < self.valid_until
        )


def _max_after_min(instance: Duration, _a: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < instance.months:
        msg = f"months_max {value} is less than months {instance.months}"
        raise ValueError(msg)


@frozen(kw_only=True)
class Duration:
    """The nominal duration in one study form: ``months``, or a range up to ``months_max``."""

    form: StudyForm = field(validator=validators.instance_of(StudyForm))
    months: int = field(validator=[validators.ge(0), validators.le(120)])
    months_max: int | None = field(default=None, validator=_max_after_min)


@frozen(kw_only=True)
class Cost:
    """An amount in euros, the period it holds for, who pays it, and its source.

    >>> from leraarroutes import load_catalogue
    >>> cost: Cost = load_catalogue().programme("pdg-traject").costs[0]
    >>> cost.amount_eur, cost.payer, cost.period
    (6650, 'deelnemer', '2023')
    """

    amount_eur: int = field(validator=validators.ge(0))
    period: str = field(validator=_validate.non_blank)
    payer: str = field(validator=validators.in_(("deelnemer", "werkgever")))
    what: str = field(validator=_validate.non_blank)
    source: str = field(validator=_https)
    per_year: bool = False
    """The amount is per academic year (tuition), to be paid for each year the step takes."""


def _qualifications(value: Iterable[Qualification | str]) -> tuple[Qualification, ...]:
    return tuple(v if isinstance(v, Qualification) else Qualification.parse(v) for v in value)


def _diplomas(value: Iterable[Diploma]) -> tuple[Diploma, ...]:
    return tuple(value)


def _is_rule(_i: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Rule):
        msg = f"{attribute.name} must be a rule, not {value!r}"
        raise TypeError(msg)


@frozen(kw_only=True)
class Grants:
    """What completing a programme gives: qualifications and diplomas (completion is implicit).

    ``note`` (Dutch) and ``note_en`` say what a person must know about when or how the
    qualification comes, such as "only with the bachelor's diploma".
    """

    qualifications: tuple[Qualification, ...] = field(default=(), converter=_qualifications)
    diplomas: tuple[Diploma, ...] = field(default=(), converter=_diplomas)
    note: str | None = field(default=None, validator=_validate.optional_non_blank)
    note_en: str | None = field(default=None, validator=_validate.optional_non_blank)

    def bind(self, subject: SubjectId) -> Grants:
        """The grants with ``{subject}`` filled in."""
        return Grants(
            qualifications=tuple(q.bind(subject) for q in self.qualifications),
            diplomas=self.diplomas,
            note=self.note,
            note_en=self.note_en,
        )


@frozen(kw_only=True)
class Exemption:
    """A shortening (vrijstelling) of a programme for people for whom ``when`` holds.

    ``ec_off`` EC are waived; ``months``, when a source gives it, is the resulting duration.

    >>> from leraarroutes import load_catalogue
    >>> shorter: Exemption = load_catalogue().programme("pdg-traject").exemptions[0]
    >>> str(shorter.when), shorter.months
    ('qualification(qualification=po)', 12)
    """

    when: Rule = field(validator=_is_rule)
    ec_off: int = field(default=0, validator=validators.ge(0))
    months: int | None = field(default=None, validator=validators.optional(validators.ge(0)))
    note: str = field(validator=_validate.non_blank)
    sources: tuple[str, ...] = field(validator=[validators.min_len(1), validators.deep_iterable(_https)])


def _programme_id(instance: Programme, attribute: attrs.Attribute[Any], value: str) -> None:
    base, sep, subject = str(value).partition("/")
    _validate.slug(instance, attribute, base)
    if sep:
        _validate.slug(instance, attribute, subject)


@frozen(kw_only=True)
class Programme:
    """A programme, course, test or assessment that can be a step on a route.

    A programme with ``subjects`` is offered per school subject: its ``entry`` rule, ``grants``
    and ``exemptions`` may use the ``{subject}`` placeholder, and :meth:`offering` gives the
    programme for one subject, with id ``"<id>/<subject>"``.
    ``unconfirmed`` lists, in words, the facts of this entry that no source confirms.
    """

    id: ProgrammeId = field(validator=_programme_id)
    kind: ProgrammeKind = field(validator=validators.instance_of(ProgrammeKind))
    name: str = field(validator=_validate.non_blank)
    name_en: str | None = field(default=None, validator=_validate.optional_non_blank)
    sector: Sector = field(validator=validators.instance_of(Sector))
    level: ProgrammeLevel = field(validator=validators.instance_of(ProgrammeLevel))
    ec: int | None = field(default=None, validator=validators.optional(validators.ge(0)))
    durations: tuple[Duration, ...] = ()
    paid_work: bool | None = None
    subjects: tuple[SubjectId, ...] = field(
        default=(), validator=[validators.deep_iterable(_validate.slug), _validate.unique()]
    )
    entry: Rule = field(factory=lambda: AllOf(rules=()), validator=_is_rule)
    grants: Grants = field(factory=Grants)
    exemptions: tuple[Exemption, ...] = ()
    providers: tuple[str, ...] = field(default=(), validator=_validate.unique())
    costs: tuple[Cost, ...] = ()
    subsidies: tuple[Subsidy, ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = field(default=None, validator=_validate.dates_in_order)
    changes_route: bool = True
    description: str | None = field(default=None, validator=_validate.optional_non_blank)
    sources: tuple[Source, ...] = field(validator=validators.min_len(1))
    unconfirmed: tuple[str, ...] = ()

    @property
    def per_subject(self) -> bool:
        """Whether the programme is offered per school subject."""
        return bool(self.subjects)

    def valid_on(self, day: dt.date) -> bool:
        """Whether the programme runs (can be started) on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day < self.valid_until
        )

    def offering(self, subject: str) -> Programme:
        """The programme for one ``subject``: placeholders filled in, id ``"<id>/<subject>"``."""
        s = SubjectId(subject)
        if s not in self.subjects:
            msg = f"{self.id} is not offered for {subject!r}; it is offered for {', '.join(self.subjects)}"
            raise ValueError(msg)
        return attrs.evolve(
            self,
            id=ProgrammeId(f"{self.id}/{s}"),
            subjects=(),
            entry=self.entry.bind(s),
            grants=self.grants.bind(s),
            exemptions=tuple(attrs.evolve(e, when=e.when.bind(s)) for e in self.exemptions),
        )

    def offerings(self) -> tuple[Programme, ...]:
        """One programme per subject, or the programme itself when it is not per subject."""
        if not self.subjects:
            return (self,)
        return tuple(self.offering(s) for s in self.subjects)

    def uses_placeholder(self) -> bool:
        """Whether the entry rule, grants or exemptions mention ``{subject}``."""
        texts = [str(self.entry), *(str(q) for q in self.grants.qualifications)]
        texts += [str(e.when) for e in self.exemptions]
        return any(SUBJECT_PLACEHOLDER in t for t in texts)
