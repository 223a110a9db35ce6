"""Route skeletons: a query that walks another person's branch gets the answer its own search gives.

The search is a function of the answers its entry questions get; the skeleton keeps what it asked
and found per answer. Asked in sequence (so that later people walk earlier people's branches),
every answer must equal the one the same person gets from a search that starts from nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from leraarroutes import Catalogue, Diploma, Level, Profile, StudyForm, find_routes, load_catalogue
from leraarroutes.catalogue import serialize
from leraarroutes.engine import _search
from leraarroutes.engine._compiled import Ask, Compiled, Leaf, compiled
from leraarroutes.engine._graph import programme_links
from leraarroutes.testing.strategies import catalogues, profiles
from tests.conftest import AS_OF

_shipped = load_catalogue()
TARGETS = ("po", "tweedegraads:wiskunde", "eerstegraads:geschiedenis", "mbo")


def _code(catalogue: Catalogue, day: dt.date = AS_OF) -> Compiled:
    return compiled(programme_links(catalogue, day), catalogue.context(day))


def _answers(catalogue: Catalogue, people: list[Profile], target: str, *, fresh: bool) -> list[object]:
    out: list[object] = []
    for person in people:
        if fresh:
            _code(catalogue).forget()
        out.append([r.to_json() for r in find_routes(catalogue, person, target, as_of=AS_OF)])
    return out


@settings(max_examples=15, deadline=None)
@given(st.lists(profiles(catalogue=_shipped), min_size=2, max_size=6), st.sampled_from(TARGETS))
def test_walking_the_skeleton_gives_each_persons_own_answer_shipped(people: list[Profile], target: str) -> None:
    catalogue = attrs.evolve(_shipped)  # its own links, compiled form and skeletons
    fresh = _answers(catalogue, people, target, fresh=True)
    assert _answers(catalogue, people, target, fresh=False) == fresh
    if target != "mbo":  # a school type asks several qualifications: searched without a skeleton
        assert _code(catalogue).skeleton_nodes[0] > 0  # the sequence did grow and use a skeleton


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_walking_the_skeleton_gives_each_persons_own_answer_generated(data: st.DataObject) -> None:
    catalogue = data.draw(catalogues(), label="catalogue")
    people = data.draw(st.lists(profiles(catalogue=catalogue), min_size=2, max_size=5), label="people")
    granted = sorted({str(q) for p in catalogue.offerings(as_of=AS_OF) for q in p.grants.qualifications})
    if not granted:
        return
    target = data.draw(st.sampled_from(granted), label="target")
    fresh = _answers(catalogue, people, target, fresh=True)
    assert _answers(catalogue, people, target, fresh=False) == fresh


def test_a_second_person_with_the_same_answers_walks_without_searching(monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = attrs.evolve(_shipped)
    first = Profile(diplomas=(Diploma(level=Level.VWO),))
    second = Profile(diplomas=(Diploma(level=Level.VWO, year=2010),))  # no rule on the way to po reads the year
    find_routes(catalogue, first, "po", as_of=AS_OF)
    code = _code(catalogue)
    nodes = code.skeleton_nodes[0]
    (root,) = code.skeletons.values()
    assert isinstance(root, Ask)

    def no_search(*_args: object) -> None:
        raise AssertionError("searched although the skeleton knew the answers")

    monkeypatch.setattr(_search.Search, "_plans", no_search)
    again = find_routes(catalogue, second, "po", as_of=AS_OF)
    assert code.skeleton_nodes[0] == nodes
    monkeypatch.undo()
    code.forget()
    assert [r.to_json() for r in again] == [r.to_json() for r in find_routes(catalogue, second, "po", as_of=AS_OF)]


def test_a_full_skeleton_store_starts_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_search, "MAX_SHARED_VERDICTS", 60)
    catalogue = attrs.evolve(_shipped)
    people = [
        Profile(diplomas=(Diploma(level=level, exam_subjects=subjects),))
        for level in (Level.HAVO, Level.VWO)
        for subjects in ((), ("wiskunde-a",), ("aardrijkskunde", "geschiedenis"))
    ] + [Profile(diplomas=(Diploma(level=level),)) for level in (Level.MBO_4, Level.HBO_BACHELOR, Level.WO_MASTER)]
    for person in people:
        find_routes(catalogue, person, "po", as_of=AS_OF)
        nodes = _code(catalogue).skeleton_nodes[0]
        assert 0 < nodes <= 60
    counted = 0
    todo: list[Ask | Leaf] = list(_code(catalogue).skeletons.values())
    while todo:
        node = todo.pop()
        counted += 1
        if isinstance(node, Ask):
            todo.extend(node.next.values())
    assert counted == _code(catalogue).skeleton_nodes[0]


def _scenario_people() -> list[tuple[Profile, str]]:
    """Each scenario file's person and target."""
    people = []
    for path in sorted((Path(__file__).parents[1] / "cases").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        people.append((serialize.structure(case["profile"], Profile), case["target"]))
    return people


def test_the_scenario_people_in_sequence_get_their_own_answers() -> None:
    """The people of tests/cases, each asked their target and two others, one after another."""
    people = _scenario_people()
    catalogue = attrs.evolve(_shipped)
    for target in {t for _, t in people} | {"po", "tweedegraads:wiskunde"}:
        group = [p for p, _ in people]
        assert _answers(catalogue, group, target, fresh=False) == _answers(catalogue, group, target, fresh=True), target


def test_a_skeleton_is_per_year_and_study_form() -> None:
    """Dates a day apart run the same offerings (one skeleton store) but price steps by their year;
    a part-time question times steps by that form. Asked in turn, each gets its fresh answer."""
    people = [person for person, _ in _scenario_people()]
    days = (dt.date(2025, 12, 31), dt.date(2026, 1, 1))
    catalogue = attrs.evolve(_shipped)
    assert programme_links(catalogue, days[0]) is programme_links(catalogue, days[1])
    questions = [(p, t, d, f) for p in people for t in ("po", "tweedegraads:wiskunde") for d in days
                 for f in (None, StudyForm.DEELTIJD)]  # fmt: skip

    def answer(person: Profile, target: str, day: dt.date, form: StudyForm | None) -> object:
        return [r.to_json() for r in find_routes(catalogue, person, target, as_of=day, form=form)]

    in_turn = [answer(*q) for q in questions]
    fresh = []
    for q in questions:
        compiled(programme_links(catalogue, q[2]), catalogue.context(q[2])).forget()
        fresh.append(answer(*q))
    assert in_turn == fresh
