"""Hypothesis strategies for every domain type, for testing eligibility rules (ours and yours).

Needs the ``hypothesis`` package (``pip install leraarroutes[test]``).

>>> from hypothesis import given
>>> from leraarroutes import dumps, loads
>>> @given(profiles())
... def test_profiles_round_trip(profile):
...     assert loads(dumps(profile, "json"), Profile, "json") == profile
>>> test_profiles_round_trip()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.programmes import Grants, Programme, ProgrammeKind, ProgrammeLevel, Source
from leraarroutes.engine.routes import Route, find_routes
from leraarroutes.ids import ProgrammeId, SubjectId
from leraarroutes.model.education import Diploma, Level, Study
from leraarroutes.model.profile import Job, Profile, Sector
from leraarroutes.model.qualifications import Qualification, QualificationKind
from leraarroutes.model.subjects import Subject
from leraarroutes.rules import (
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
    SubjectEc,
    Truth,
    VocationalSubject,
    WorkExperience,
)

__all__ = [
    "career_machine",
    "catalogues",
    "diplomas",
    "jobs",
    "profiles",
    "programmes",
    "qualifications",
    "rules",
    "studies",
    "subject_ids",
]

_DEFAULT_SUBJECTS = (
    "wiskunde",
    "natuurkunde",
    "scheikunde",
    "engels",
    "geschiedenis",
    "aardrijkskunde",
)
_EXAM_LEVELS = (Level.VMBO, Level.HAVO, Level.VWO)


def subject_ids(subjects: Sequence[str] = _DEFAULT_SUBJECTS) -> st.SearchStrategy[SubjectId]:
    """Subject slugs drawn from ``subjects`` (shrinks towards the first)."""
    return st.sampled_from([SubjectId(s) for s in subjects])


def diplomas(subjects: Sequence[str] = _DEFAULT_SUBJECTS, programmes: Sequence[str] = ()) -> st.SearchStrategy[Diploma]:
    """Diplomas of any level; havo/vwo ones may carry exam subjects from ``subjects``."""

    @st.composite
    def build(draw: st.DrawFn) -> Diploma:
        level = draw(st.sampled_from(list(Level)))
        exams = draw(st.lists(subject_ids(subjects), max_size=3, unique=True)) if level in _EXAM_LEVELS else []
        names = list(programmes) or ["Wiskunde", "Werktuigbouwkunde", "Psychologie", "Rechten"]
        return Diploma(
            level=level,
            programme=draw(st.none() | st.sampled_from(names)),
            year=draw(st.none() | st.integers(1960, 2026)),
            exam_subjects=tuple(exams),
        )

    return build()


def studies(programmes: Sequence[str] = ()) -> st.SearchStrategy[Study]:
    """Studies in progress with EC earned."""
    names = list(programmes) or ["Wiskunde", "Natuurkunde", "Geschiedenis"]
    return st.builds(
        Study,
        level=st.sampled_from([Level.HBO_BACHELOR, Level.WO_BACHELOR, Level.WO_MASTER]),
        programme=st.none() | st.sampled_from(names),
        ec=st.integers(0, 240),
    )


def qualifications(subjects: Sequence[str] = _DEFAULT_SUBJECTS) -> st.SearchStrategy[Qualification]:
    """Qualifications of every kind, with subjects from ``subjects`` where the kind needs one."""
    return st.sampled_from(list(QualificationKind)).flatmap(
        lambda kind: (
            st.builds(Qualification, kind=st.just(kind), subject=subject_ids(subjects))
            if kind.per_subject
            else st.just(Qualification(kind=kind))
        )
    )


def jobs(subjects: Sequence[str] = _DEFAULT_SUBJECTS) -> st.SearchStrategy[Job]:
    """Jobs at a school, in any sector, with or without a subject."""
    return st.builds(Job, sector=st.sampled_from(list(Sector)), subject=st.none() | subject_ids(subjects))


def profiles(
    *,
    catalogue: Catalogue | None = None,
    sector: str | None = None,
    max_diplomas: int = 3,
) -> st.SearchStrategy[Profile]:
    """Profiles that shrink towards the empty profile.

    With ``catalogue``, subjects, degree names and completed programmes come from it; with
    ``sector``, jobs are in that sector.
    """
    subjects: Sequence[str] = _DEFAULT_SUBJECTS
    programmes: Sequence[str] = ()
    completed: list[str] = []
    if catalogue is not None:
        subjects = [s.id for s in catalogue.subjects]
        programmes = sorted({r.programme for r in catalogue.relatedness})
        completed = sorted(p.id for p in catalogue.offerings())
    job = jobs(subjects)
    if sector is not None:
        job = st.builds(Job, sector=st.just(Sector(sector)), subject=st.none() | subject_ids(subjects))
    return st.builds(
        Profile,
        diplomas=st.lists(diplomas(subjects, programmes), max_size=max_diplomas).map(tuple),
        studying=st.lists(studies(programmes), max_size=1).map(tuple),
        subject_ec=st.dictionaries(subject_ids(subjects), st.integers(0, 300), max_size=2),
        work_experience_years=st.none() | st.integers(0, 40).map(float),
        job=st.none() | job,
        completed=st.lists(st.sampled_from(completed), max_size=2, unique=True).map(tuple)
        if completed
        else st.just(()),
        qualifications=st.lists(qualifications(subjects), max_size=2, unique=True).map(tuple),
    )


def _leaves(subjects: Sequence[str], tables: Sequence[str] = (), kinds: Sequence[str] = ()) -> st.SearchStrategy[Rule]:
    levels = st.lists(st.sampled_from(list(Level)), min_size=1, max_size=3, unique=True).map(tuple)
    kind = st.sampled_from(list(kinds) or [k.value for k in ProgrammeKind])
    related: st.SearchStrategy[dict[str, str]] = st.just({})
    if tables:
        related = st.just({}) | st.fixed_dictionaries(
            {"related_to": subject_ids(subjects), "table": st.sampled_from(list(tables))}
        )
    return st.one_of(
        st.builds(
            lambda extra, **kw: HasDiploma(**kw, **extra),
            related,
            levels=levels,
            programmes=st.lists(st.sampled_from(["Wiskunde", "Rechten", "Psychologie"]), max_size=2).map(tuple),
            max_age_years=st.none() | st.integers(0, 10),
        ),
        st.builds(
            lambda extra, **kw: IsStudying(**kw, **extra),
            related,
            levels=levels,
            min_ec=st.integers(0, 240),
        ),
        st.builds(HoldsQualification, qualification=qualifications(subjects)),
        st.builds(HasJob, sector=st.sampled_from(list(Sector)), subject=st.none() | subject_ids(subjects)),
        st.builds(WorkExperience, min_years=st.integers(0, 10).map(float)),
        st.builds(
            SubjectEc,
            subject=subject_ids(subjects),
            min_ec=st.integers(1, 200),
            max_deficiency_ec=st.integers(0, 30),
            deficiency_kind=st.none() | kind,
        ),
        st.builds(
            ExamSubject,
            subjects=st.lists(subject_ids(subjects), min_size=1, max_size=2, unique=True).map(tuple),
        ),
        st.builds(
            HasCompleted,
            programmes=st.lists(st.sampled_from(["pabo", "kopopleiding/wiskunde"]), min_size=1, max_size=2).map(tuple),
        ),
        st.builds(HasCompleted, kind=kind, subject=st.none() | subject_ids(subjects)),
        st.builds(VocationalSubject, subject=subject_ids(subjects)),
        st.builds(Before, date=st.dates(dt.date(2008, 1, 1), dt.date(2030, 1, 1))),
        st.builds(Decision, by=st.just("de toelatingscommissie")),
    )


def rules(
    subjects: Sequence[str] = _DEFAULT_SUBJECTS,
    *,
    max_leaves: int = 8,
    tables: Sequence[str] = (),
    kinds: Sequence[str] = (),
) -> st.SearchStrategy[Rule]:
    """Recursive rule trees of every operator and leaf type.

    With ``tables`` (relatedness table ids), diploma and study leaves may ask for relatedness;
    ``kinds`` narrows the programme kinds that completion and deficiency leaves ask for (default:
    every :class:`~leraarroutes.ProgrammeKind`).
    """
    return st.recursive(
        _leaves(subjects, tables, kinds),
        lambda children: st.one_of(
            st.lists(children, max_size=3).map(lambda rs: AllOf(rules=tuple(rs))),
            st.lists(children, max_size=3).map(lambda rs: AnyOf(rules=tuple(rs))),
            children.map(lambda r: Not(rule=r)),
        ),
        max_leaves=max_leaves,
    )


_SMALL_SUBJECTS = ("wiskunde", "natuurkunde")


def _small_rule(programme_ids: Sequence[str], granted: Sequence[Qualification]) -> st.SearchStrategy[Rule]:
    """Entry rules over the facts a small catalogue can change (no ``not``: see catalogues())."""
    levels = st.lists(
        st.sampled_from([Level.HAVO, Level.HBO_BACHELOR, Level.WO_BACHELOR, Level.WO_MASTER]),
        min_size=1,
        max_size=2,
        unique=True,
    )
    leaves: list[st.SearchStrategy[Rule]] = [
        st.builds(HasDiploma, levels=levels.map(tuple)),
        st.builds(IsStudying, levels=levels.map(tuple)),
        st.builds(HasJob, sector=st.sampled_from(list(Sector))),
        st.builds(Decision, by=st.just("de toelatingscommissie")),
    ]
    if programme_ids:
        leaves.append(
            st.builds(
                HasCompleted,
                programmes=st.lists(st.sampled_from(list(programme_ids)), min_size=1, max_size=2, unique=True).map(
                    tuple
                ),
            )
        )
    if granted:
        leaves.append(st.builds(HoldsQualification, qualification=st.sampled_from(list(granted))))
    return st.recursive(
        st.one_of(leaves),
        lambda children: st.one_of(
            st.lists(children, min_size=1, max_size=3).map(lambda rs: AllOf(rules=tuple(rs))),
            st.lists(children, min_size=1, max_size=3).map(lambda rs: AnyOf(rules=tuple(rs))),
        ),
        max_leaves=4,
    )


def programmes(subjects: Sequence[str] = _SMALL_SUBJECTS) -> st.SearchStrategy[Programme]:
    """Programmes of any kind, per subject or not, with entry rules over the facts a profile has."""
    return st.builds(
        Programme,
        id=st.from_regex(r"[a-z]{2,8}(-[a-z]{2,6})?", fullmatch=True).map(ProgrammeId),
        kind=st.sampled_from(list(ProgrammeKind)),
        name=st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(
            lambda s: s.strip() != ""
        ),
        sector=st.sampled_from(list(Sector)),
        level=st.sampled_from(list(ProgrammeLevel)),
        ec=st.none() | st.integers(0, 240),
        entry=_small_rule([], []),
        grants=st.builds(Grants, qualifications=st.lists(qualifications(subjects), max_size=2).map(tuple)),
        sources=st.just((Source(url="https://example.org/bron"),)),
    )


def catalogues(*, max_programmes: int = 5) -> st.SearchStrategy[Catalogue]:
    """Small, self-consistent catalogues: every reference points at an entry that exists.

    Programmes are not per subject, grant diplomas and qualifications, and have entry rules built
    from ``all``/``any`` over diplomas, studies, jobs, decisions, completed programmes and qualifications
    (no ``not``: the engine's completeness is promised for monotone rules).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Catalogue:
        n = draw(st.integers(1, max_programmes))
        ids = [f"p{i}" for i in range(n)]
        grants = [draw(st.lists(qualifications(_SMALL_SUBJECTS), max_size=1)) for _ in ids]
        diplomas_granted = [
            draw(
                st.lists(
                    st.sampled_from([Level.HBO_BACHELOR, Level.WO_BACHELOR, Level.WO_MASTER]).map(
                        lambda lv: Diploma(level=lv)
                    ),
                    max_size=1,
                )
            )
            for _ in ids
        ]
        all_granted = [q for g in grants for q in g]
        programmes = []
        for i, pid in enumerate(ids):
            others = [o for o in ids if o != pid]
            entry = draw(_small_rule(others, all_granted))
            programmes.append(
                Programme(
                    id=ProgrammeId(pid),
                    kind=draw(st.sampled_from(list(ProgrammeKind))),
                    name=f"Programma {i}",
                    sector=draw(st.sampled_from(list(Sector))),
                    level=ProgrammeLevel.HBO,
                    ec=draw(st.none() | st.integers(0, 240)),
                    entry=entry,
                    grants=Grants(qualifications=tuple(grants[i]), diplomas=tuple(diplomas_granted[i])),
                    sources=(Source(url=f"https://example.org/{pid}"),),
                )
            )
        subjects = tuple(
            Subject(id=SubjectId(s), name=s.title(), name_en=s.title(), sources=("https://example.org/vakken",))
            for s in _SMALL_SUBJECTS
        )
        return Catalogue(subjects=subjects, programmes=tuple(programmes))

    return build()


def career_machine(
    catalogue: Catalogue, *, start: Profile | None = None, as_of: dt.date = dt.date(2024, 1, 1)
) -> type[RuleBasedStateMachine]:
    """A state machine that lives a career and checks the routes after every move.

    It completes open programmes one by one and lets time pass; after each move
    :func:`~leraarroutes.find_routes` must stay consistent with what was completed.

    Use it as ``TestCareer = career_machine(catalogue).TestCase`` in a test module.
    """
    first = start or Profile(diplomas=(Diploma(level=Level.VWO),))

    class Career(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.profile = first
            self.day = as_of
            self.promised: list[tuple[str, tuple[str, ...]]] = []
            self._cache: dict[tuple[Profile, dt.date], tuple[Route, ...]] = {}

        def _routes(self) -> tuple[Route, ...]:
            key = (self.profile, self.day)
            if key not in self._cache:
                self._cache[key] = find_routes(catalogue, self.profile, as_of=self.day, max_steps=4)
            return self._cache[key]

        @rule(data=st.data())
        def complete_an_open_first_step(self, data: st.DataObject) -> None:
            routes = [r for r in self._routes() if r.status == "open"]
            assume(routes)
            route = data.draw(st.sampled_from(routes), label="route")
            step = catalogue.programme(route.programmes[0])
            self.profile = self.profile.gain(
                programme=step.id, qualifications=step.grants.qualifications, diplomas=step.grants.diplomas
            )
            self.day += dt.timedelta(days=30 * (route.steps[0].months or 0))
            if len(route.programmes) > 1:
                self.promised.append((route.qualification, route.programmes[1:]))

        @rule(months=st.integers(1, 24))
        def time_passes(self, months: int) -> None:
            self.day += dt.timedelta(days=30 * months)

        @invariant()
        def routes_start_where_the_person_is(self) -> None:
            context = catalogue.context(self.day)
            for r in self._routes():
                assert r.programmes[0] not in self.profile.completed
                assert not self.profile.holds(Qualification.parse(r.qualification))
                assert catalogue.programme(r.programmes[0]).entry.evaluate(self.profile, context).truth is not Truth.NO

        @invariant()
        def the_rest_of_a_started_route_stays_open(self) -> None:
            routes = self._routes()
            for qualification, rest in self.promised:
                if self.profile.holds(Qualification.parse(qualification)) or any(
                    p in self.profile.completed for p in rest
                ):
                    continue
                if not all(catalogue.programme(p).valid_on(self.day) for p in rest):
                    continue  # time moved past one of the remaining programmes
                assert any(r.qualification == qualification and set(r.programmes) <= set(rest) for r in routes), (
                    qualification,
                    rest,
                )

    return Career
