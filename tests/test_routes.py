"""The route engine on the shipped catalogue: ranking, Pareto, limits, explanations, the JSON report."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import attrs
import jsonschema
import pytest
import yaml

from leraarroutes import (
    AllOf,
    AnyOf,
    Catalogue,
    Decision,
    Diploma,
    Grants,
    HasCompleted,
    HasDiploma,
    HasJob,
    InputError,
    Job,
    Level,
    Profile,
    ProgrammeId,
    Qualification,
    Route,
    SearchLimitError,
    Sector,
    SortKey,
    Study,
    SubjectId,
    explain,
    find_routes,
)
from leraarroutes.catalogue import serialize
from leraarroutes.cli import main
from leraarroutes.engine import _compiled, _search
from leraarroutes.engine._compiled import compiled
from leraarroutes.engine._graph import programme_links
from leraarroutes.engine.routes import DEFAULT_MAX_STATES, DEFAULT_MAX_STEPS
from leraarroutes.model.profile import MAX_DIPLOMAS, MAX_LIST_ITEMS
from tests.conftest import AS_OF
from tests.test_laws import programme

ROOT = Path(__file__).resolve().parents[1]
ENGINEER = Profile(
    diplomas=(
        Diploma(level=Level.WO_BACHELOR, programme="Werktuigbouwkunde", croho=56966, year=2012),
        Diploma(level=Level.WO_MASTER, programme="Mechanical Engineering", year=2014),
    ),
    subject_ec={"natuurkunde": 95},
)


def test_routes_are_sorted_by_the_chosen_key(catalogue: Catalogue) -> None:
    """Open routes first, then conditional ones; --sort months|ec|cost|paid orders each group.

    A total some step leaves unknown ("at least") comes after every fully known one.
    """
    figures: list[tuple[str, Callable[[Route], tuple[bool, int]]]] = [
        ("months", lambda r: (r.months_unknown > 0, r.months or 0)),
        ("ec", lambda r: (r.ec_unknown > 0, r.ec or 0)),
        ("cost", lambda r: (r.cost_eur is None, r.cost_eur or 0)),
        ("paid", lambda r: (r.months_unknown > 0, -r.paid_months)),
    ]
    for key, figure in figures:
        routes = find_routes(catalogue, ENGINEER, "eerstegraads:natuurkunde", as_of=AS_OF, sort=key)
        statuses = [r.status != "open" for r in routes]
        assert statuses == sorted(statuses)
        assert "open" in {r.status for r in routes}
        assert "conditional" in {r.status for r in routes}
        for status in ("open", "conditional"):
            values = [figure(r) for r in routes if r.status == status]
            assert values == sorted(values)


def test_unknown_figures_are_none_never_zero(catalogue: Catalogue) -> None:
    """A route none of whose steps has a known EC has ec None (null in JSON), and text says "onbekend".

    A route with some unknown EC reads "minstens", and sorting by EC puts it after every route
    whose EC is known: the Radboud pwpo (EC not in its sources) no longer counts as 0 EC.
    """
    from leraarroutes.cli._routes import routes_text

    vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    by_ec = find_routes(catalogue, vwo, "po", as_of=AS_OF, sort=SortKey.EC)
    pwpo = next(r for r in by_ec if r.programmes == ("pwpo",))
    assert pwpo.ec is None
    assert pwpo.ec_unknown == 1
    assert pwpo.to_json()["ec"] is None
    assert pwpo.to_json()["ec_unknown_steps"] == 1
    assert "EC onbekend" in routes_text((pwpo,), AS_OF)
    partly = next(r for r in by_ec if r.programmes[0] == "ad-pep")
    assert partly.ec is not None
    assert partly.ec_unknown > 0
    assert f"minstens {partly.ec} EC" in routes_text((partly,), AS_OF)
    open_known = [r.ec_unknown == 0 for r in by_ec if r.status == "open"]
    assert open_known == sorted(open_known, reverse=True), "known EC first"
    assert by_ec[0].programmes == ("pabo",)
    assert by_ec[0].ec == 240


def test_a_stated_yearly_fee_is_not_a_total(catalogue: Catalogue) -> None:
    """The academic pabo's 2020-2021 fee counts per year; later years take the register's legal fee."""
    vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    route = next(r for r in find_routes(catalogue, vwo, "po", as_of=AS_OF) if r.programmes == ("academische-pabo",))
    basis = route.steps[0].cost_basis
    assert basis is not None
    assert basis.years == 4
    assert basis.what == "wettelijk collegegeld"
    assert route.cost_eur == basis.per_year * 4 > 8000


def test_pareto_keeps_only_routes_no_other_beats_on_everything(catalogue: Catalogue) -> None:
    """Every Pareto route is undominated, and Pareto is a subset of all routes."""
    every = find_routes(catalogue, ENGINEER, "eerstegraads:natuurkunde", as_of=AS_OF)
    front = find_routes(catalogue, ENGINEER, "eerstegraads:natuurkunde", as_of=AS_OF, pareto=True)
    assert {r.programmes for r in front} <= {r.programmes for r in every}
    assert 0 < len(front) <= len(every)


def test_limit_keeps_the_first_k(catalogue: Catalogue) -> None:
    """limit=k gives the first k routes of the full ranking."""
    every = find_routes(catalogue, ENGINEER, "eerstegraads:natuurkunde", as_of=AS_OF)
    assert find_routes(catalogue, ENGINEER, "eerstegraads:natuurkunde", as_of=AS_OF, limit=2) == every[:2]


def test_a_job_turns_a_conditional_zij_instroom_into_an_open_step(catalogue: Catalogue) -> None:
    """Without a job the side entry is conditional on one; with a po job that condition is gone."""
    hbo = Profile(diplomas=(Diploma(level=Level.HBO_BACHELOR, programme="Bedrijfskunde"),))
    without = [r for r in find_routes(catalogue, hbo, "po", as_of=AS_OF) if "zij-instroom-po" in r.programmes]
    with_job = [
        r
        for r in find_routes(catalogue, Profile(diplomas=hbo.diplomas, job=Job(sector=Sector.PO)), "po", as_of=AS_OF)
        if "zij-instroom-po" in r.programmes
    ]
    assert {r.status for r in without} == {"conditional"}
    assert {r.status for r in with_job} == {"open"}


def test_exemption_shortens_the_educatieve_master(catalogue: Catalogue) -> None:
    """A beperkte tweedegraads in the subject takes 30 EC off the one-year master, and says why."""
    person = Profile(
        diplomas=(Diploma(level=Level.WO_BACHELOR, programme="Wiskunde"), Diploma(level=Level.WO_MASTER)),
        qualifications=(Qualification.parse("beperkt-tweedegraads:wiskunde"),),
    )
    route = next(r for r in find_routes(catalogue, person, "eerstegraads:wiskunde", as_of=AS_OF) if len(r.steps) == 1)
    assert (route.ec, route.months) == (30, 6)
    assert route.steps[0].exemption is not None
    assert route.steps[0].estimated


def test_explain_names_failed_clauses_and_changes_that_open(catalogue: Catalogue) -> None:
    """Each blocked programme has reasons; each suggested change really opens it."""
    havist = Profile(diplomas=(Diploma(level=Level.HAVO, exam_subjects=("wiskunde",)),))
    blocked = {b.programme: b for b in explain(catalogue, havist, "eerstegraads:wiskunde", as_of=AS_OF)}
    assert "hbo-master-leraar/wiskunde" in blocked
    master = blocked["hbo-master-leraar/wiskunde"]
    assert [r.text("en") for r in master.reasons] == ["does not hold tweedegraads:wiskunde"]
    assert [r.text() for r in master.would_open] == ["bevoegdheid tweedegraads:wiskunde"]
    assert all(b.reasons and b.sources for b in blocked.values())


def test_search_limit_is_a_clear_error(catalogue: Catalogue) -> None:
    """A tiny state budget raises SearchLimitError instead of running on."""
    with pytest.raises(SearchLimitError, match="raise max_states"):
        find_routes(catalogue, ENGINEER, as_of=AS_OF, max_states=3)


def test_routes_report_matches_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON report validates against schemas/routes-report.schema.json, in both languages."""
    schema = json.loads((ROOT / "schemas" / "routes-report.schema.json").read_text(encoding="utf-8"))
    for lang in ("nl", "en"):
        profile = str(ROOT / "examples/profiles/ingenieur.yaml")
        target = "eerstegraads:natuurkunde"
        main(
            [
                "routes",
                "--profile",
                profile,
                "--target",
                target,
                "--as-of",
                "2024-01-01",
                "--format",
                "json",
                "--lang",
                lang,
            ]
        )
        jsonschema.validate(json.loads(capsys.readouterr().out), schema)


def test_text_output_is_dutch_by_default_and_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    """Headings and words follow --lang."""
    args = [
        "routes",
        "--profile",
        str(ROOT / "examples/profiles/havist.yaml"),
        "--target",
        "po",
        "--as-of",
        "2024-01-01",
    ]
    main(args)
    dutch = capsys.readouterr().out
    main([*args, "--lang", "en"])
    english = capsys.readouterr().out
    assert "peildatum: 2024-01-01" in dutch
    assert "maanden" in dutch
    assert "as of: 2024-01-01" in english
    assert "Primary teacher education" in english


def test_shared_answers_stay_bounded_and_correct_when_the_stores_overflow(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for only a few shared answers, stores start afresh often; answers do not change."""
    people = []
    for path in sorted((Path(__file__).parent / "cases").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        people.append((serialize.structure(case["profile"], Profile), case["target"]))
    expected = [[r.to_json() for r in find_routes(catalogue, p, t, as_of=AS_OF)] for p, t in people]
    monkeypatch.setattr(_search, "MAX_SHARED_VERDICTS", 5)
    small = attrs.evolve(catalogue)  # its own graph and stores
    for _ in range(2):
        got = [[r.to_json() for r in find_routes(small, p, t, as_of=AS_OF)] for p, t in people]
        assert got == expected
    code = compiled(programme_links(small, AS_OF), small.context(AS_OF))
    assert max(len(code.verdicts), len(code.signatures), len(code.entry_truths), len(code.routes)) <= 5


def test_of_two_orders_of_the_same_steps_the_certain_one_is_kept() -> None:
    """Found by the thorough property run: p0 then p3 is conditional (a committee decides on p0),
    p3 then p0 is certain (p3's diploma admits to p0). The route must be the certain order."""
    decided = Decision(by="de toelatingscommissie")
    catalogue = Catalogue(
        programmes=(
            programme("p0", AnyOf(rules=(decided, HasDiploma(levels=(Level.HBO_BACHELOR,)))), grants=None),
            programme(
                "p1",
                AllOf(rules=(HasDiploma(levels=(Level.HAVO, Level.HBO_BACHELOR)), HasCompleted(programmes=("p0",)))),
            ),
            attrs.evolve(
                programme("p3", HasJob(sector=Sector.VO), grants=None),
                grants=Grants(diplomas=(Diploma(level=Level.HBO_BACHELOR),)),
            ),
        )
    )
    routes = find_routes(catalogue, Profile(job=Job(sector=Sector.VO)), "po", as_of=AS_OF)
    assert [(r.programmes, r.status) for r in routes] == [(("p3", "p0", "p1"), "open")]


def test_a_profile_at_the_list_limit_still_gets_its_routes(catalogue: Catalogue) -> None:
    """500 completed programmes is the input limit; the steps of a route may add more."""
    full = Profile(
        diplomas=(Diploma(level=Level.HAVO),),
        completed=tuple(ProgrammeId(f"elders-{i}") for i in range(MAX_LIST_ITEMS)),
    )
    routes = find_routes(catalogue, full, "po", as_of=AS_OF)
    assert [r.programmes for r in routes] == [
        r.programmes for r in find_routes(catalogue, Profile(diplomas=full.diplomas), "po", as_of=AS_OF)
    ]
    most_diplomas = Profile(diplomas=(Diploma(level=Level.HAVO),) * MAX_DIPLOMAS)
    assert explain(catalogue, most_diplomas, "po", as_of=AS_OF) == explain(
        catalogue, Profile(diplomas=(Diploma(level=Level.HAVO),)), "po", as_of=AS_OF
    )


def test_a_route_is_reckoned_in_the_study_form_of_the_person(catalogue: Catalogue) -> None:
    """A havo school leaver's bachelor is 48 months voltijd; with a job it is 24-48 months deeltijd."""
    havo = Profile(diplomas=(Diploma(level=Level.HAVO),))
    full_time = find_routes(catalogue, havo, "tweedegraads:wiskunde", as_of=AS_OF)[0]
    assert (full_time.form, full_time.months, full_time.months_max) == ("voltijd", 48, None)
    assert (full_time.steps[0].form, full_time.steps[0].months) == ("voltijd", 48)
    assert full_time.cost_eur == 4 * 2530  # four years of the legal fee
    working = attrs.evolve(havo, job=Job(sector=Sector.VO))
    part_time = find_routes(catalogue, working, "tweedegraads:wiskunde", as_of=AS_OF)[0]
    assert (part_time.form, part_time.months, part_time.months_max) == ("deeltijd", 24, 48)
    asked = find_routes(catalogue, working, "tweedegraads:wiskunde", as_of=AS_OF, form="voltijd")[0]
    assert asked.months == 48


def test_a_step_not_given_in_the_form_says_so(catalogue: Catalogue) -> None:
    """The two-year master has only voltijd: in a deeltijd question its step is voltijd, shown so."""
    from leraarroutes.cli._routes import routes_text

    biologist = Profile(
        diplomas=(Diploma(level=Level.WO_BACHELOR, croho=56860),),
        job=Job(sector=Sector.VO, subject=SubjectId("biologie")),
    )
    routes = find_routes(catalogue, biologist, "eerstegraads:biologie", as_of=AS_OF)
    two_year = next(r for r in routes if r.programmes == ("educatieve-master-2jr/biologie",))
    assert two_year.form == "deeltijd"
    assert two_year.steps[0].form == "voltijd"
    assert "24 maanden voltijd (geen deeltijd)" in routes_text((two_year,), AS_OF)
    with pytest.raises(InputError, match="unknown study form 'avond'"):
        find_routes(catalogue, biologist, "eerstegraads:biologie", as_of=AS_OF, form="avond")


def test_the_minor_says_its_qualification_comes_with_the_bachelor(catalogue: Catalogue) -> None:
    """The educatieve minor's step carries the note that the qualification comes with the diploma."""
    student = Profile(studying=(Study(level=Level.WO_BACHELOR, programme="Geschiedenis", ec=120),))
    route = find_routes(catalogue, student, "beperkt-tweedegraads:geschiedenis", as_of=AS_OF)[0]
    minor = route.steps[0]
    assert minor.programme == "educatieve-minor/geschiedenis"
    assert minor.grant_text() is not None
    assert "bachelordiploma" in (minor.grant_text() or "")
    assert "bachelor's diploma" in (minor.grant_text("en") or "")
    assert minor.to_json("en")["grant_note"] == minor.grant_text("en")
    assert all(s.grant_note is None for s in find_routes(catalogue, student, "po", as_of=AS_OF)[0].steps)


def test_routes_pickle_with_their_reasons(catalogue: Catalogue) -> None:
    """Reasons are written out on first use; a pickled route carries them written out, and equal."""
    import pickle

    biologist = Profile(diplomas=(Diploma(level=Level.WO_MASTER, programme="Biologie"),))
    routes = find_routes(catalogue, biologist, "eerstegraads:biologie", as_of=AS_OF)
    again = pickle.loads(pickle.dumps(routes))  # noqa: S301 - our own bytes
    assert again == routes
    assert [r.conditions for r in again] == [r.conditions for r in routes]
    assert any(r.conditions for r in routes)  # the comparison above is not of empty tuples
    assert [s.admitted_by for r in again for s in r.steps] == [s.admitted_by for r in routes for s in r.steps]


def test_the_search_limit_counts_each_qualification_on_its_own(catalogue: Catalogue) -> None:
    """An untargeted question is limited per qualification: a catalogue with more of them is not refused.

    The budget that lets the costliest qualification through alone also lets the whole untargeted
    question through, though together they take more; one state less refuses that qualification.
    """
    catalogue = attrs.evolve(catalogue)  # no route skeleton yet: each search below runs and spends
    every = {str(q) for p in catalogue.offerings(as_of=AS_OF) for q in p.grants.qualifications}
    spent = {}
    for target in sorted(every):
        goal = Qualification.parse(target)
        search, _ = _search.ranked(catalogue, ENGINEER, goal, day=AS_OF, sort="months", pareto=False, limit=None,
                                   max_steps=DEFAULT_MAX_STEPS, max_states=DEFAULT_MAX_STATES)  # fmt: skip
        spent[target] = DEFAULT_MAX_STATES - search.budget
    costliest = max(spent, key=lambda t: spent[t])
    assert sum(spent.values()) > spent[costliest]  # together they take more than the costliest alone
    assert find_routes(catalogue, ENGINEER, as_of=AS_OF, max_states=spent[costliest])
    _code_of(catalogue).forget()
    with pytest.raises(SearchLimitError):
        find_routes(catalogue, ENGINEER, costliest, as_of=AS_OF, max_states=spent[costliest] - 1)


def _code_of(catalogue: Catalogue) -> _compiled.Compiled:
    return compiled(programme_links(catalogue, AS_OF), catalogue.context(AS_OF))
