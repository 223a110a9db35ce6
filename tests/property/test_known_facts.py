"""Known facts decide: what the profile gives, or the register knows, is never left "unknown"."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from leraarroutes import Diploma, Level, Profile, SubjectEc, SubjectId, Truth, find_routes, load_catalogue
from leraarroutes.register import load_register

CATALOGUE = load_catalogue()
TABLE_SUBJECTS = sorted({r.subject for r in CATALOGUE.relatedness if r.table == "minor-module"})
WO_BACHELORS = [d for d in load_register().degrees if d.level is Level.WO_BACHELOR]
DAYS = st.sampled_from([dt.date(2011, 1, 1), dt.date(2014, 1, 1), dt.date(2017, 1, 1), dt.date(2026, 12, 1)])
UNIVERSITIES = st.sampled_from(["Universiteit Utrecht", "TU Delft", "Radboud Universiteit", "Wageningen University"])


@given(st.sampled_from(WO_BACHELORS), st.sampled_from(TABLE_SUBJECTS), DAYS, UNIVERSITIES)
def test_an_identified_degree_never_makes_the_table_unknown(
    degree: object, subject: str, day: dt.date, university: str
) -> None:
    """A bachelor the register knows, from a named university, is related or not: never unknown."""
    assert hasattr(degree, "croho")
    diploma = Diploma(level=Level.WO_BACHELOR, croho=degree.croho, institution=university)
    reason = CATALOGUE.context(day).relatedness("minor-module", SubjectId(subject), diploma)
    assert reason.truth is not Truth.UNKNOWN, reason.nl


@given(
    st.sampled_from(TABLE_SUBJECTS),
    st.integers(1, 200),
    st.integers(0, 30),
    st.integers(0, 300),
)
def test_ec_given_is_never_unknown(subject: str, min_ec: int, max_deficiency: int, ec: int) -> None:
    """With the EC of the subject in the profile, an EC rule holds or fails; courses do not blur it."""
    rule = SubjectEc(subject=SubjectId(subject), min_ec=min_ec, max_deficiency_ec=max_deficiency, table="minor-module")
    profile = Profile(subject_ec={subject: ec}, completed=("beta4all/natuurkunde",))
    truth = rule.truth(profile, CATALOGUE.context(dt.date(2024, 1, 1)))
    assert truth is (Truth.YES if min_ec - ec <= max_deficiency else Truth.NO)
    assert rule.evaluate(profile, CATALOGUE.context(dt.date(2024, 1, 1))).truth is truth


HIGHER = st.sampled_from([Level.HBO_BACHELOR, Level.HBO_MASTER, Level.WO_BACHELOR, Level.WO_MASTER])


@given(st.sampled_from([Level.HAVO, Level.MBO_4]), HIGHER, st.sampled_from(["po", "tweedegraads:wiskunde"]))
def test_a_higher_diploma_never_closes_a_route(start: Level, higher: Level, target: str) -> None:
    """Every route open with a havo or mbo-4 diploma stays, open, when a degree is added."""
    day = dt.date(2024, 1, 1)
    before = Profile(diplomas=(Diploma(level=start),))
    after = Profile(diplomas=(Diploma(level=start), Diploma(level=higher)))
    routes_after = {r.programmes: r.status for r in find_routes(CATALOGUE, after, target, as_of=day)}
    for route in find_routes(CATALOGUE, before, target, as_of=day):
        if route.status != "open":
            continue
        # the same steps, or fewer (a degree may make a preparing step unnecessary)
        assert any(
            status == "open" and set(steps) <= set(route.programmes) for steps, status in routes_after.items()
        ), route.programmes


@given(st.sampled_from(["po", "eerstegraads:wiskunde", "eerstegraads:geschiedenis"]), DAYS)
def test_open_routes_come_before_conditional_ones(target: str, day: dt.date) -> None:
    """Whatever the person and date, no conditional route is ranked above an open one."""
    profile = Profile(diplomas=(Diploma(level=Level.WO_BACHELOR, croho=56604), Diploma(level=Level.WO_MASTER)))
    statuses = [r.status != "open" for r in find_routes(CATALOGUE, profile, target, as_of=day)]
    assert statuses == sorted(statuses)
