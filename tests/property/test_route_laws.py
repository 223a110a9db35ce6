"""The laws of the route engine: sound, complete against a brute-force oracle, monotone,
deterministic, and true to the date asked for."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from leraarroutes import Catalogue, Diploma, Level, Profile, Qualification, Truth, find_routes, load_catalogue
from leraarroutes.catalogue.programmes import Programme
from leraarroutes.rules import HasCompleted, HoldsQualification
from leraarroutes.testing import laws
from leraarroutes.testing.strategies import catalogues, diplomas, profiles
from tests.conftest import AS_OF

MAX_STEPS = 4


def _replay(catalogue: Catalogue, profile: Profile, programmes: tuple[str, ...]) -> tuple[list[Truth], Profile]:
    state = profile
    truths = []
    context = catalogue.context(AS_OF)
    for pid in programmes:
        p = catalogue.programme(pid)
        truths.append(p.entry.evaluate(state, context).truth)
        state = state.gain(programme=p.id, qualifications=p.grants.qualifications, diplomas=p.grants.diplomas)
    return truths, state


@given(catalogues(), profiles())
def test_soundness_every_step_is_admitted_in_the_state_before_it(catalogue: Catalogue, profile: Profile) -> None:
    """Each step's rule is not NO just before it, and "open" means every step was certain."""
    assert laws.soundness(catalogue, [profile], as_of=AS_OF) == ()
    assert laws.grants_come_from_steps(catalogue, [profile], as_of=AS_OF) == ()
    for route in find_routes(catalogue, profile, as_of=AS_OF, max_steps=MAX_STEPS):
        assert not profile.holds(Qualification.parse(route.qualification))


def _detour(step: Programme, later: list[Programme]) -> bool:
    """A step that grants a qualification no later step asks for, nor asks the step itself for."""
    nodes = [node for p in later for node in p.entry.walk()]
    named = any(isinstance(n, HasCompleted) and step.id in n.programmes for n in nodes)
    asked = [n.qualification for n in nodes if isinstance(n, HoldsQualification)]
    return not named and any(not any(g.includes(a) for a in asked) for g in step.grants.qualifications)


def _oracle(catalogue: Catalogue, profile: Profile) -> list[tuple[Qualification, tuple[str, ...], bool]]:
    """Brute force: every irredundant sequence of distinct programmes that is admitted step by step,
    ends by granting a new qualification, and takes no detour on the way (see _detour).

    Irredundant: no shorter subsequence with the same last step is admitted and at least as certain.
    """
    ids: list[str] = [p.id for p in catalogue.programmes]
    admitted: dict[tuple[str, ...], bool] = {}
    for n in range(1, MAX_STEPS + 1):
        for seq in itertools.permutations(ids, n):
            truths, _ = _replay(catalogue, profile, seq)
            if Truth.NO not in truths:
                admitted[seq] = all(t is Truth.YES for t in truths)
    found: list[tuple[Qualification, tuple[str, ...], bool]] = []
    for seq, is_open in admitted.items():
        shorter = ((*sub, seq[-1]) for k in range(len(seq) - 1) for sub in itertools.combinations(seq[:-1], k))
        if any(sub in admitted and (admitted[sub] or not is_open) for sub in shorter):
            continue
        steps: list[Programme] = [catalogue.programme(pid) for pid in seq]
        if any(_detour(p, steps[i + 1 :]) for i, p in enumerate(steps[:-1])):
            continue
        found.extend((q, seq, is_open) for q in steps[-1].grants.qualifications if not profile.holds(q))
    return found


@given(catalogues(max_programmes=4), profiles())
def test_completeness_against_a_brute_force_oracle(catalogue: Catalogue, profile: Profile) -> None:
    """For every route the oracle finds, the engine gives one to the same (or a wider)
    qualification that uses a subset of its steps and is at least as certain."""
    routes = find_routes(catalogue, profile, as_of=AS_OF, max_steps=MAX_STEPS)
    for q, seq, is_open in _oracle(catalogue, profile):
        assert any(
            Qualification.parse(r.qualification).includes(q)
            and set(r.programmes) <= set(seq)
            and (r.status == "open" or not is_open)
            for r in routes
        ), (str(q), seq, is_open, [(r.qualification, r.programmes, r.status) for r in routes])


@given(catalogues(), profiles(), diplomas())
def test_monotonicity_a_new_diploma_never_removes_a_route(
    catalogue: Catalogue, profile: Profile, extra: Diploma
) -> None:
    """Up to dominance: after adding a diploma, each old route has a subset route at least as certain."""
    assert laws.monotonicity(catalogue, [(profile, extra)], as_of=AS_OF) == ()


@given(catalogues(), profiles())
def test_determinism_same_question_same_answer(catalogue: Catalogue, profile: Profile) -> None:
    """Two runs give byte-identical JSON."""
    assert laws.determinism(catalogue, [profile], as_of=AS_OF) == ()


@given(profiles(max_diplomas=2), st.dates(dt.date(2008, 1, 1), dt.date(2030, 12, 31)))
def test_as_of_only_programmes_valid_on_that_date(profile: Profile, day: dt.date) -> None:
    """No route on the shipped catalogue uses a programme that did not run on the date asked for."""
    import leraarroutes

    catalogue = leraarroutes.load_catalogue()
    for target in ("po", "eerstegraads:wiskunde"):
        for route in find_routes(catalogue, profile, target, as_of=day):
            assert all(catalogue.programme(p).valid_on(day) for p in route.programmes)


def test_shipped_catalogue_scenario_routes_are_sound(catalogue: Catalogue) -> None:
    """Soundness on the real catalogue for a spread of people, not only on generated ones."""
    people = [
        Profile(diplomas=(Diploma(level=Level.HAVO),)),
        Profile(diplomas=(Diploma(level=Level.WO_MASTER, programme="Wiskunde"),), subject_ec={"wiskunde": 150}),
        Profile(diplomas=(Diploma(level=Level.MBO_4),)),
    ]
    assert laws.soundness(catalogue, people, as_of=AS_OF) == ()


_shipped = load_catalogue()


@settings(max_examples=30)
@given(
    st.lists(profiles(catalogue=_shipped), min_size=1, max_size=6),
    st.sampled_from([None, "po", "eerstegraads:wiskunde"]),
)
def test_asking_other_people_first_does_not_change_an_answer(people: list[Profile], target: str | None) -> None:
    """Queries share verdicts between people; the last person's routes must be those of a first query.

    A copy of the catalogue has its own (empty) shared store, so the copy answers as if first.
    """
    for person in people:
        find_routes(_shipped, person, target, as_of=AS_OF)
    fresh = attrs.evolve(_shipped)
    last = people[-1]
    after_others = [r.to_json() for r in find_routes(_shipped, last, target, as_of=AS_OF)]
    asked_first = [r.to_json() for r in find_routes(fresh, last, target, as_of=AS_OF)]
    assert after_others == asked_first
