"""A person: education, situation and what they already hold.

A profile is a value: applying a route step gives a new profile (see :meth:`Profile.gain`).
Facts the profile leaves out are *unknown*, never assumed false: a profile without ``job`` says
nothing about whether the person has a job at a school.

>>> from leraarroutes import Level
>>> p = Profile(diplomas=(Diploma(level=Level.HAVO),), subject_ec={"natuurkunde": 95})
>>> p.ec_in("natuurkunde"), p.ec_in("wiskunde")
(95, None)
>>> p.job is None
True
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from attrs import field, frozen, validators

from leraarroutes import _html, _validate
from leraarroutes.ids import ProgrammeId, SubjectId
from leraarroutes.model.education import Diploma, Study, StudyForm
from leraarroutes.model.qualifications import Qualification

__all__ = ["MAX_DIPLOMAS", "MAX_LIST_ITEMS", "Job", "Profile", "Sector"]

MAX_DIPLOMAS = 50
"""Most diplomas (and, separately, studies) one profile may list."""

MAX_LIST_ITEMS = 500
"""Most completed programmes, qualifications or subject EC entries one profile may list."""


_T = TypeVar("_T")


class Sector(enum.StrEnum):
    """An education sector."""

    PO = "po"
    VO = "vo"
    MBO = "mbo"


def _sector(value: Sector | str) -> Sector:
    return _validate.to_member(Sector, value)


@frozen(kw_only=True)
class Job:
    """A job, or a job offer, at a school: its sector and, for VO and mbo, the subject taught."""

    sector: Sector = field(converter=_sector)
    subject: SubjectId | None = field(default=None, validator=validators.optional(_validate.slug))
    offer: bool = False


def _study_form(value: StudyForm | str | None) -> StudyForm | None:
    return None if value is None else StudyForm(value)


def _subject_ec(
    value: Mapping[str, int] | Iterable[tuple[str, int]],
) -> tuple[tuple[SubjectId, int], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((SubjectId(k), v) for k, v in items))


def _check_subject_ec(_i: object, _a: attrs.Attribute[Any], value: tuple[tuple[str, int], ...]) -> None:
    for subject, ec in value:
        if not _validate.SLUG.fullmatch(subject):
            msg = f"subject_ec names {subject!r}, which is not a subject slug such as 'wiskunde'"
            raise ValueError(msg)
        if not isinstance(ec, int) or isinstance(ec, bool) or not 0 <= ec <= 600:  # noqa: PLR2004 - a full bachelor+master is at most 300
            msg = f"subject_ec[{subject}] must be a number of EC between 0 and 600, not {ec!r}"
            raise ValueError(msg)


def _items_of(kind: type[_T], field_name: str, hint: str) -> Callable[[Iterable[_T]], tuple[_T, ...]]:
    """A converter to a tuple of ``kind``; anything else is a TypeError naming the field and item."""

    def convert(value: Iterable[_T]) -> tuple[_T, ...]:
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            msg = f"{field_name} must be a list of {kind.__name__}, not {type(value).__name__}"
            raise TypeError(msg)
        items = tuple(value)
        for i, item in enumerate(items):
            if not isinstance(item, kind):
                shown = repr(item)[:60]
                said = hint.format(item=shown) if isinstance(item, str) or "{item}" not in hint else ""
                msg = f"{field_name}[{i}] must be a {kind.__name__}, not {type(item).__name__} {shown}{said}"
                raise TypeError(msg)
        return items

    return convert


_diploma_items = _items_of(Diploma, "diplomas", "; read plain data with leraarroutes.loads(text, Profile)")
_study_items = _items_of(Study, "studying", "; read plain data with leraarroutes.loads(text, Profile)")


def _diplomas(value: Iterable[Diploma]) -> tuple[Diploma, ...]:
    return _diploma_items(value)


def _studies(value: Iterable[Study]) -> tuple[Study, ...]:
    return _study_items(value)


_qualification_items = _items_of(Qualification, "qualifications", "; make one with Qualification.parse({item})")
_programme_items = _items_of(str, "completed", " (a programme id such as 'beta4all/natuurkunde')")


def _qualifications(value: Iterable[Qualification]) -> tuple[Qualification, ...]:
    return _sorted_unique(_qualification_items(value))


def _completed(value: Iterable[str]) -> tuple[ProgrammeId, ...]:
    return _sorted_unique(_programme_items(value))


def _experience(_i: object, _a: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        msg = f"work_experience_years must be a number of years, not {type(value).__name__} {value!r}"
        raise TypeError(msg)


def _job(_i: object, _a: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Job):
        msg = f"job must be a Job, not {type(value).__name__} {repr(value)[:60]}; make one with Job(sector='vo')"
        raise TypeError(msg)


def _at_most(limit: int, name: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_i: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if len(value) > limit:
            msg = f"{attribute.name} lists {len(value)} items; the limit is {limit} (leraarroutes.model.profile.{name})"
            raise ValueError(msg)

    return check


def _sorted_unique(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(sorted(set(value)))


@frozen(kw_only=True, cache_hash=True)
class Profile:
    """A person's education and situation, as far as they told it.

    ``subject_ec`` is the EC of wo-level subject content per school subject (the ulo admission
    rule counts it over bachelor and master). ``study_form`` is the form the routes are reckoned in
    (see :meth:`chosen_form`). ``work_experience_years`` and ``job`` are unknown
    when left out. ``completed`` lists programme ids (``"beta4all/natuurkunde"``) already done.
    """

    description: str | None = field(default=None, validator=_validate.optional_non_blank)
    diplomas: tuple[Diploma, ...] = field(
        default=(), converter=_diplomas, validator=_at_most(MAX_DIPLOMAS, "MAX_DIPLOMAS")
    )
    studying: tuple[Study, ...] = field(
        default=(), converter=_studies, validator=_at_most(MAX_DIPLOMAS, "MAX_DIPLOMAS")
    )
    subject_ec: tuple[tuple[SubjectId, int], ...] = field(
        default=(), converter=_subject_ec, validator=[_check_subject_ec, _at_most(MAX_LIST_ITEMS, "MAX_LIST_ITEMS")]
    )
    work_experience_years: float | None = field(
        default=None, validator=[_experience, validators.optional([validators.ge(0), validators.le(70)])]
    )
    job: Job | None = field(default=None, validator=_job)
    completed: tuple[ProgrammeId, ...] = field(
        default=(), converter=_completed, validator=_at_most(MAX_LIST_ITEMS, "MAX_LIST_ITEMS")
    )
    qualifications: tuple[Qualification, ...] = field(
        default=(), converter=_qualifications, validator=_at_most(MAX_LIST_ITEMS, "MAX_LIST_ITEMS")
    )
    study_form: StudyForm | None = field(default=None, converter=_study_form)
    """How the person wants to study; when left out, voltijd without a job and deeltijd with one."""

    if TYPE_CHECKING:  # written by attrs for slotted classes; declared so that gain_all type-checks

        def __setstate__(self, state: dict[str, Any]) -> None: ...

    def _repr_html_(self) -> str:
        """The person in a notebook: one row per diploma or study, then what else they told."""
        rows: list[tuple[object, ...]] = [
            ("diploma", d.level.value, d.programme, d.croho, d.year, ", ".join(d.exam_subjects)) for d in self.diplomas
        ]
        rows += [("studeert", s.level.value, s.programme, s.croho, None, "") for s in self.studying]
        facts = [
            ("EC per vak", ", ".join(f"{k} {v}" for k, v in self.subject_ec)),
            ("bevoegdheden", ", ".join(str(q) for q in self.qualifications)),
            ("afgerond", ", ".join(self.completed)),
            ("baan", None if self.job is None else f"{self.job.sector.value} {self.job.subject or ''}".strip()),
            ("jaren werkervaring", self.work_experience_years),
            ("studievorm", None if self.study_form is None else self.study_form.value),
        ]
        shown = [(name, value) for name, value in facts if value not in (None, "")]
        return (
            (_html.paragraph(self.description) if self.description else "")
            + _html.table(("", "niveau", "opleiding", "CROHO", "jaar", "examenvakken"), rows)
            + (_html.table(("", ""), shown) if shown else "")
        )

    def chosen_form(self) -> tuple[StudyForm, str]:
        """The study form routes are reckoned in, and why: the one given, else by the job.

        >>> Profile().chosen_form()
        (<StudyForm.VOLTIJD: 'voltijd'>, 'geen baan opgegeven')
        >>> Profile(job=Job(sector="vo")).chosen_form()[0].value
        'deeltijd'
        """
        if self.study_form is not None:
            return self.study_form, "opgegeven"
        if self.job is not None:
            return StudyForm.DEELTIJD, "je hebt een baan"
        return StudyForm.VOLTIJD, "geen baan opgegeven"

    @property
    def bachelor_not_given(self) -> bool:
        """Whether the person holds a master (or doctorate) but gave no bachelor diploma.

        A master's programme admits bachelors only (WHW art. 7.30a), so there is one; routes that
        look at the bachelor (educatieve minor, module and masters) cannot judge it until it is
        given.

        >>> Profile(diplomas=(Diploma(level="wo-master", programme="Geschiedenis"),)).bachelor_not_given
        True
        """
        levels = {d.level.value for d in self.diplomas}
        return bool(levels & {"wo-master", "hbo-master", "phd"}) and not levels & {"wo-bachelor", "hbo-bachelor"}

    def ec_in(self, subject: str) -> int | None:
        """The EC of subject content in ``subject``, or None when the profile does not say."""
        return dict(self.subject_ec).get(SubjectId(subject))

    def holds(self, qualification: Qualification) -> bool:
        """Whether the person holds ``qualification``, directly or through a wider one."""
        return any(q.includes(qualification) for q in self.qualifications)

    def gain(
        self,
        *,
        programme: ProgrammeId,
        qualifications: Iterable[Qualification] = (),
        diplomas: Iterable[Diploma] = (),
    ) -> Profile:
        """The profile after completing ``programme`` and receiving what it grants."""
        return self.gain_all([(programme, tuple(qualifications), tuple(diplomas))])

    def gain_all(self, steps: Iterable[tuple[ProgrammeId, tuple[Qualification, ...], tuple[Diploma, ...]]]) -> Profile:
        """The profile after completing each ``(programme, qualifications, diplomas)`` in order.

        The result may hold more than :data:`MAX_LIST_ITEMS` programmes or qualifications (or
        :data:`MAX_DIPLOMAS` diplomas): the limits bound what a profile is read with, not what the
        steps of a route add.

        >>> from leraarroutes import Level, Qualification
        >>> after = Profile().gain_all([
        ...     ("pabo", (Qualification.parse("po"),), (Diploma(level=Level.HBO_BACHELOR),)),
        ...     ("pdg", (Qualification.parse("pdg"),), ()),
        ... ])
        >>> after.completed, [str(q) for q in after.qualifications], [d.level.value for d in after.diplomas]
        (('pabo', 'pdg'), ['pdg', 'po'], ['hbo-bachelor'])
        """
        completed, qualifications, diplomas = list(self.completed), list(self.qualifications), list(self.diplomas)
        for programme, granted, awarded in steps:
            completed.append(programme)
            qualifications += granted
            diplomas += awarded
        return self._grown(completed, qualifications, diplomas)

    def with_added(self, *, qualifications: Iterable[Qualification] = (), diplomas: Iterable[Diploma] = ()) -> Profile:
        """The profile with more qualifications or diplomas, as a what-if (no programme completed).

        Like :meth:`gain_all`, the result may go past the list limits.

        >>> from leraarroutes import Level, Qualification
        >>> [str(q) for q in Profile().with_added(qualifications=[Qualification.parse("po")]).qualifications]
        ['po']
        """
        return self._grown(list(self.completed), [*self.qualifications, *qualifications], [*self.diplomas, *diplomas])

    def _grown(
        self, completed: list[ProgrammeId], qualifications: list[Qualification], diplomas: list[Diploma]
    ) -> Profile:
        # Built through the pickle protocol (attrs' __setstate__), not __init__: the parts are checked
        # already, and the list limits bound what is read, not what the steps of a route add (a
        # profile at the limit would otherwise fail mid-search).
        state = {
            "description": self.description,
            "diplomas": tuple(diplomas),
            "studying": self.studying,
            "subject_ec": self.subject_ec,
            "work_experience_years": self.work_experience_years,
            "job": self.job,
            "completed": _sorted_unique(completed),
            "qualifications": _sorted_unique(qualifications),
            "study_form": self.study_form,
        }
        after = Profile.__new__(Profile)
        after.__setstate__(state)
        return after
