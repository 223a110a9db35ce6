"""The degree register, the provider offerings, the filters and the costs from the register."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from leraarroutes import (
    Catalogue,
    CatalogueError,
    Degree,
    Diploma,
    InputError,
    Level,
    Profile,
    Qualification,
    SubjectId,
    Where,
    find_routes,
    load_catalogue,
    load_register,
)
from leraarroutes.catalogue.offers import place_point
from leraarroutes.register import canonical, fold, same_institution
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT.parent / "shared" / "data" / "ho-register"
EXCLUDED = yaml.safe_load((ROOT / "tools/register/uitgesloten.yaml").read_text(encoding="utf-8"))["excluded"]


# the reproducible import ----------------------------------------------------------------------


@pytest.mark.skipif(not REGISTER.exists(), reason="the register extract lies beside the repository")
def test_regenerating_the_register_files_gives_the_committed_ones() -> None:
    """tools/import_register.py --check finds the shipped files equal to what the extract gives."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/import_register.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# coverage against the register ----------------------------------------------------------------


def _register_rows() -> list[Degree]:
    return [d for d in load_register().degrees if d.origin == "register"]


def test_every_teacher_education_code_is_offered_or_deliberately_excluded(catalogue: Catalogue) -> None:
    """Each code of the register's sector "onderwijs" has an offering, or a reason in uitgesloten.yaml."""
    offered = {o.croho for o in catalogue.provider_offerings if o.croho is not None}
    excluded = {int(e["croho"]) for e in EXCLUDED}
    education = {d.croho for d in _register_rows() if d.sector == "onderwijs"}
    assert len(education) == 95
    assert sorted(education - offered - excluded) == []
    assert sorted(offered & excluded) == []
    assert all(e["reason"].strip() for e in EXCLUDED)


def _coverage(catalogue: Catalogue, programme: str) -> tuple[set[SubjectId], set[str], set[int]]:
    offers = [o for o in catalogue.provider_offerings if o.programme == programme]
    subjects = {s for o in offers if o.subjects_confirmed for s in o.subjects}
    return subjects, {o.institution for o in offers}, {o.croho for o in offers if o.croho}


def test_coverage_reaches_the_register(catalogue: Catalogue) -> None:
    """Providers and subjects per programme kind, as many as the register and the pages show."""
    _, pabo, _ = _coverage(catalogue, "pabo")
    assert len(pabo) == 25
    subjects, institutions, codes = _coverage(catalogue, "tweedegraads-bachelor")
    second_degree = {d.croho for d in _register_rows() if "van de tweede graad in" in d.name}
    second_degree -= {30116}  # "Talen": excluded, no school subject
    assert second_degree <= codes
    assert len(institutions) >= 16
    subjects, institutions, _ = _coverage(catalogue, "hbo-master-leraar")
    assert len(subjects) == 15
    assert len(institutions) == 7
    assert "Hogeschool Rotterdam" not in institutions  # the register has no hbo master there
    assert len(_coverage(catalogue, "kopopleiding")[0]) >= 18
    _, one_year, _ = _coverage(catalogue, "educatieve-master-1jr")
    _, two_year, _ = _coverage(catalogue, "educatieve-master-2jr")
    for university in ("Universiteit Leiden", "Universiteit Utrecht", "Universiteit van Amsterdam"):
        assert university in one_year | two_year
    assert "Rijksuniversiteit Groningen" in one_year
    assert {"Radboud Universiteit", "Vrije Universiteit Amsterdam", "Tilburg University"} <= one_year
    assert {"Technische Universiteit Eindhoven", "Universiteit Twente"} <= two_year
    arts, _, _ = _coverage(catalogue, "kunstvakdocent-bachelor")
    assert arts == {"beeldende-kunst-en-vormgeving", "muziek", "dans", "drama"}
    assert len(_coverage(catalogue, "alo")[1]) == 6


def test_every_offering_names_a_programme_and_subjects_it_has(catalogue: Catalogue) -> None:
    """An offering's subjects are subjects of its programme, and its page is a web address."""
    for offer in catalogue.provider_offerings:
        programme = catalogue.programme(offer.programme)
        assert set(offer.subjects) <= set(programme.subjects), offer
        assert offer.url is None or offer.url.startswith(("https://", "http://"))


def test_an_offering_of_an_unknown_programme_is_refused(tmp_path: Path) -> None:
    """A typo in an offering's programme is a CatalogueError naming file, field and a close name."""
    extra = tmp_path / "aanbod.yaml"
    extra.write_text(
        "provider_offerings:\n  - {programme: kopopleidng, institution: X, title: Kop, subjects: [wiskunde]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(extra)
    assert "aanbod.yaml" in str(caught.value)
    assert "did you mean 'kopopleiding'" in str(caught.value)


# identification --------------------------------------------------------------------------------

COMMON_NAMES = [
    ("Psychologie", "wo-bachelor", 56604),
    ("Pabo", "hbo-bachelor", 34808),
    ("Leraar Nederlands", "hbo-bachelor", 35198),
    ("Commerciële Economie", "hbo-bachelor", 34402),
    ("Chemistry", "wo-bachelor", 56943),
    ("Onderwijsassistent", "mbo-4", 25698),
    ("Rechten", "wo-bachelor", 50700),
    ("Bedrijfskunde", "wo-bachelor", 50645),
    ("Pedagogiek", "hbo-bachelor", 35158),
    ("Social Work", "hbo-bachelor", 34116),
    ("Geschiedenis", "wo-bachelor", 56034),
    ("Biologie", "wo-bachelor", 56860),
    ("Wiskunde", "wo-bachelor", 56980),
    ("Scheikunde", "wo-bachelor", 56857),
    ("Natuurkunde", "wo-bachelor", 50206),
    ("HBO-Rechten", "hbo-bachelor", 39205),
    ("Werktuigbouwkunde", "hbo-bachelor", 34280),
    ("Pedagogische Wetenschappen", "wo-bachelor", 56607),
    ("Economie", "wo-bachelor", 56401),
    ("Sociologie", "wo-bachelor", 56601),
]
"""Names advisers type, at the level the person gives, and the code each must be identified as."""


@pytest.mark.parametrize(("name", "level", "croho"), COMMON_NAMES, ids=[n for n, _, _ in COMMON_NAMES])
def test_the_names_advisers_type_are_identified(name: str, level: str, croho: int) -> None:
    """Case and accents do not matter; the level picks between a bachelor and a master."""
    for spelling in (name, name.upper(), fold(name)):
        found = load_register().identify(Diploma(level=Level(level), programme=spelling))
        assert found.status == "identified", (spelling, found.text("en"))
        assert found.degree is not None
        assert found.degree.croho == croho


def test_several_programmes_of_one_name_are_ambiguous_and_a_code_settles_it() -> None:
    """Two hbo bachelors are called Verpleegkunde; with its CROHO code the diploma is one."""
    register = load_register()
    found = register.identify(Diploma(level=Level.HBO_BACHELOR, programme="Verpleegkunde"))
    assert found.status == "ambiguous"
    assert [d.croho for d in found.candidates] == [34560, 39283]
    assert "CROHO 34560" in found.text()
    settled = register.identify(Diploma(level=Level.HBO_BACHELOR, programme="Verpleegkunde", croho=39283))
    assert settled.degree is not None
    assert settled.degree.croho == 39283


def test_an_unknown_name_is_unknown_not_a_guess() -> None:
    """A name in no register is unknown, and a near miss is not taken for the real one."""
    register = load_register()
    assert register.identify(Diploma(level=Level.WO_BACHELOR, programme="Psychologi")).status == "unknown"
    # two psychology masters are called Psychologie (60260, and 66604 at some universities): not a guess
    assert register.identify(Diploma(level=Level.WO_MASTER, programme="Psychologie")).status == "ambiguous"
    assert register.identify(Diploma(level=Level.HBO_BACHELOR, programme="Psychologie")).status == "unknown"


def test_a_long_query_is_refused() -> None:
    """Work is bounded: a name of thousands of characters is an InputError."""
    with pytest.raises(InputError, match="too long"):
        load_register().find("a" * 5000)


@given(st.sampled_from(_register_rows()))
def test_every_register_degree_is_identified_by_its_code_and_found_by_its_name(degree: Degree) -> None:
    """The code alone identifies it; a search for its official name lists it."""
    found = load_register().identify(Diploma(level=degree.level, croho=degree.croho))
    assert found.degree == degree
    assert degree in load_register().find(degree.name, limit=50)


@given(st.text(max_size=40))
def test_folding_is_idempotent_and_ignores_case(text: str) -> None:
    """fold(fold(x)) == fold(x), and upper or lower case gives the same key."""
    assert fold(fold(text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) or text.upper().lower() != text.lower()


def test_an_institution_is_the_same_under_its_names() -> None:
    """The verwantschapstabel's spellings and the usual short names are the register's institution."""
    assert canonical("TU Delft") == "Technische Universiteit Delft"
    assert same_institution("Wageningen Universiteit", ["Wageningen University & Research"])
    assert not same_institution("Universiteit Leiden", ["Universiteit Utrecht"])


def test_a_university_limit_of_the_table_accepts_the_short_name(catalogue: Catalogue) -> None:
    """Werktuigbouwkunde from "TU Delft" is related to natuurkunde under the TU Delft row."""
    context = catalogue.context(AS_OF)
    diploma = Diploma(level=Level.WO_BACHELOR, programme="Werktuigbouwkunde", institution="TU Delft")
    assert context.relatedness("minor-module", SubjectId("natuurkunde"), diploma).truth.value == "yes"
    elsewhere = Diploma(level=Level.WO_BACHELOR, programme="Werktuigbouwkunde", institution="Radboud Universiteit")
    assert context.relatedness("minor-module", SubjectId("natuurkunde"), elsewhere).truth.value == "no"


# filters ---------------------------------------------------------------------------------------

GEOGRAPHER = Profile(
    diplomas=(
        Diploma(level=Level.WO_BACHELOR, programme="Sociale Geografie en Planologie"),
        Diploma(level=Level.WO_MASTER, programme="Human Geography"),
    )
)
SECOND_DEGREE = Profile(qualifications=(Qualification.parse("tweedegraads:aardrijkskunde"),))

WHERES = st.builds(
    Where,
    province=st.none() | st.sampled_from(["Groningen", "Utrecht", "Noord-Holland", "Zeeland"]),
    provider=st.none() | st.sampled_from(["Fontys", "HAN", "Radboud Universiteit"]),
    form=st.none() | st.sampled_from(["voltijd", "deeltijd"]),
)


@given(WHERES, st.sampled_from([GEOGRAPHER, SECOND_DEGREE]))
def test_a_filter_only_removes_routes_and_offerings(where: Where, profile: Profile) -> None:
    """Filtered routes are routes without the filter; every listed offering passes the filter."""
    catalogue = load_catalogue()
    every = {r.programmes for r in find_routes(catalogue, profile, "eerstegraads:aardrijkskunde", as_of=AS_OF)}
    kept = find_routes(catalogue, profile, "eerstegraads:aardrijkskunde", as_of=AS_OF, where=where)
    assert {r.programmes for r in kept} <= every
    for route in kept:
        for step in route.steps:
            forms = [d.form.value for d in catalogue.programme(step.programme).durations]
            assert all(where.keeps(o, forms) for o in step.offers)
            if catalogue.offers_for(step.programme):
                assert step.offers, step.programme


def test_a_province_keeps_the_routes_that_can_be_taken_there(catalogue: Catalogue) -> None:
    """In Groningen a geographer's one-year master is at the RUG; no hbo master route is left."""
    where = Where(province="Groningen")
    routes = find_routes(catalogue, SECOND_DEGREE, "eerstegraads:aardrijkskunde", as_of=AS_OF, where=where)
    assert all("hbo-master-leraar" not in p for r in routes for p in r.programmes)
    master = find_routes(catalogue, GEOGRAPHER, "eerstegraads:aardrijkskunde", as_of=AS_OF, where=where)[0]
    assert master.programmes == ("educatieve-master-1jr/aardrijkskunde",)
    assert [o.institution for o in master.steps[0].offers] == ["Rijksuniversiteit Groningen"]


def test_near_a_place_uses_the_register_coordinates(catalogue: Catalogue) -> None:
    """Within 10 km of Groningen the pabo is at the Hanze and NHL Stenden, not in Leeuwarden."""
    havo = Profile(diplomas=(Diploma(level=Level.VWO),))
    where = Where(near=place_point("Groningen", catalogue.provider_offerings), near_name="Groningen", within_km=10)
    routes = find_routes(catalogue, havo, "po", as_of=AS_OF, where=where)
    pabo = next(r for r in routes if r.programmes == ("pabo",))
    places = {(o.institution, o.city) for o in pabo.steps[0].offers}
    assert ("Hanze", "Groningen") in places
    assert all(city == "Groningen" for _, city in places)
    with pytest.raises(InputError, match="unknown place 'Groningn'"):
        place_point("Groningn", catalogue.provider_offerings)


# costs -----------------------------------------------------------------------------------------


def test_a_register_step_costs_the_legal_fee_of_the_year_times_its_years(catalogue: Catalogue) -> None:
    """The two-year master at 2024-2025's legal fee: twice that fee, with the year said."""
    routes = find_routes(catalogue, GEOGRAPHER, "eerstegraads:aardrijkskunde", as_of=AS_OF)
    two_year = next(r for r in routes if r.programmes == ("educatieve-master-2jr/aardrijkskunde",))
    step = two_year.steps[0]
    assert step.cost_basis is not None
    assert step.cost_basis.per_year == 2530
    assert step.cost_basis.years == 2
    assert step.cost_eur == 5060
    assert "2024-2025" in step.cost_basis.text()
    later = find_routes(catalogue, GEOGRAPHER, "eerstegraads:aardrijkskunde", as_of=dt.date(2030, 1, 1))
    basis = next(r for r in later if r.programmes == two_year.programmes).steps[0].cost_basis
    assert basis is not None
    assert not basis.exact
    assert "geen bedrag bekend" in basis.text()


def test_legal_fees_are_one_amount_per_year_per_programme() -> None:
    """The generated offerings carry at most one legal fee per academic year."""
    data = json.loads((ROOT / "src/leraarroutes/catalogue/data/aanbod.json").read_text(encoding="utf-8"))
    for row in data["provider_offerings"]:
        years: dict[int, int] = defaultdict(int)
        for fee in row.get("tuition", []):
            years[fee["year"]] += 1
        assert all(n == 1 for n in years.values()), row


def test_batch_takes_the_same_filters(catalogue: Catalogue) -> None:
    """A batch with a province gives each person only the routes that can be taken there."""
    from leraarroutes.engine import batch

    people = [GEOGRAPHER, SECOND_DEGREE]
    every = batch.evaluate_chunk(catalogue, people, "eerstegraads:aardrijkskunde", as_of=AS_OF)
    groningen = batch.evaluate_chunk(
        catalogue, people, "eerstegraads:aardrijkskunde", as_of=AS_OF, where=Where(province="Groningen")
    )
    for all_routes, kept in zip(every, groningen, strict=True):
        assert [r for r in kept if r not in all_routes] == []
    assert len(groningen[1]) < len(every[1])
    assert [r["programmes"] for r in groningen[0]] == [["educatieve-master-1jr/aardrijkskunde"]]
