"""Loading and saving lose nothing: every domain type survives YAML, JSON and TOML."""

from __future__ import annotations

import pathlib

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from leraarroutes import (
    Catalogue,
    Diploma,
    InputError,
    Profile,
    ProgrammeId,
    Qualification,
    Rule,
    dumps,
    load_catalogue,
    loads,
    save,
)
from leraarroutes.testing import laws
from leraarroutes.testing.strategies import diplomas, profiles, qualifications, rules

FORMATS = ["yaml", "json", "toml"]


@pytest.mark.parametrize("fmt", FORMATS)
@given(profile=profiles())
def test_profiles_round_trip(fmt: str, profile: Profile) -> None:
    """A profile written and read back is equal to the original."""
    assert loads(dumps(profile, fmt), Profile, fmt) == profile


@pytest.mark.parametrize("fmt", FORMATS)
@given(diploma=diplomas())
def test_diplomas_round_trip(fmt: str, diploma: Diploma) -> None:
    """A diploma written and read back is equal to the original."""
    assert loads(dumps(diploma, fmt), Diploma, fmt) == diploma


@given(q=qualifications())
def test_qualifications_round_trip_through_text(q: Qualification) -> None:
    """The text form of a qualification parses back to it."""
    assert Qualification.parse(str(q)) == q


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@given(rule=rules())
def test_rules_round_trip(fmt: str, rule: Rule) -> None:
    """A rule tree written and read back is equal, and prints the same."""
    back = loads(dumps(rule, fmt), Rule, fmt)  # type: ignore[type-abstract]
    assert back == rule
    assert str(back) == str(rule)


@given(rule=rules())
def test_rules_round_trip_through_toml_inside_a_mapping(rule: Rule) -> None:
    """TOML needs a table at the top; a rule inside a profile-like table survives it."""
    from leraarroutes.catalogue.programmes import Exemption

    e = Exemption(when=rule, note="n", sources=("https://example.org",))
    assert loads(dumps(e, "toml"), Exemption, "toml") == e


def test_the_shipped_catalogue_round_trips(catalogue: Catalogue) -> None:
    """The whole shipped catalogue, as one catalogue file, survives YAML, JSON and TOML exactly."""
    assert laws.round_trip(catalogue) == ()


@given(a=qualifications(), b=qualifications(), c=qualifications())
def test_qualifications_sort_by_kind_then_subject(a: Qualification, b: Qualification, c: Qualification) -> None:
    """A total order, by kind and then subject, that agrees with equality."""
    assert (a < b) == ((a.kind.value, a.subject or "") < (b.kind.value, b.subject or ""))
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)
    if a < b < c:
        assert a < c


@given(
    profile=profiles(),
    steps=st.lists(
        st.tuples(
            st.sampled_from(["pabo", "kopopleiding/wiskunde", "pdg-traject"]),
            st.lists(qualifications(), max_size=2).map(tuple),
            st.lists(diplomas(), max_size=1).map(tuple),
        ),
        max_size=3,
    ),
)
def test_gaining_steps_gives_the_profile_built_from_its_parts(
    profile: Profile, steps: list[tuple[str, tuple[Qualification, ...], tuple[Diploma, ...]]]
) -> None:
    """gain_all skips the constructor; its result is equal (and hashes equal) to the constructed one."""
    after = profile.gain_all([(ProgrammeId(pid), quals, dips) for pid, quals, dips in steps])
    built = attrs.evolve(
        profile,
        completed=(*profile.completed, *(pid for pid, _, _ in steps)),
        qualifications=(*profile.qualifications, *(q for _, quals, _ in steps for q in quals)),
        diplomas=(*profile.diplomas, *(d for _, _, dips in steps for d in dips)),
    )
    assert after == built
    assert hash(after) == hash(built)
    assert repr(after) == repr(built)
    extra_q = tuple(q for _, quals, _ in steps for q in quals)
    extra_d = tuple(d for _, _, dips in steps for d in dips)
    added = profile.with_added(qualifications=extra_q, diplomas=extra_d)
    assert added == attrs.evolve(
        profile, qualifications=(*profile.qualifications, *extra_q), diplomas=(*profile.diplomas, *extra_d)
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_saved_catalogue_loads_back_as_the_same_catalogue(
    catalogue: Catalogue, fmt: str, tmp_path: pathlib.Path
) -> None:
    """save(catalogue) writes a catalogue file that load_catalogue reads back, every section equal."""
    path = tmp_path / f"alles.{fmt}"
    save(catalogue, path)
    back = load_catalogue(path, shipped=False)
    assert back.as_file() == catalogue.as_file()


def test_saving_something_that_is_not_a_domain_object_is_an_input_error(tmp_path: pathlib.Path) -> None:
    """Not a YAML representer's error from deep inside: what save writes, and what it was given."""
    with pytest.raises(InputError, match="save writes profiles, catalogues and their parts, not dict"):
        save({"diplomas": []}, tmp_path / "p.yaml")
    assert not (tmp_path / "p.yaml").exists()
