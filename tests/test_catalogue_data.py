"""The shipped catalogue, read as data: complete, sourced, consistent with its source tables."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from leraarroutes import Catalogue, ProgrammeKind, QualificationKind, SchoolSetting
from tests.conftest import AS_OF

SOURCE_TABLE = (
    Path(__file__).resolve().parents[1].parent / "shared" / "sources" / "verwantschapstabel-educatieve-minor-2010.md"
)

ISSUE_KINDS = [
    "pabo", "pabo-verkort", "academische-pabo", "pwpo", "empo", "mpabo", "zij-instroom",
    "academische-zij-instroom-po", "premaster", "schakelprogramma", "ad-pep", "tweedegraads-bachelor",
    "kopopleiding", "hbo-master-leraar", "educatieve-minor", "educatieve-module", "educatieve-master-1jr",
    "educatieve-master-2jr", "trainees-in-onderwijs", "deficientieprogramma", "pdg-traject",
]  # fmt: skip


def test_every_programme_kind_has_a_programme(catalogue: Catalogue) -> None:
    """A kind with no programme in the shipped catalogue is a gap."""
    assert sorted(k.value for k in ProgrammeKind if k not in catalogue.kinds()) == []
    assert set(ISSUE_KINDS) <= {k.value for k in ProgrammeKind}


def test_every_programme_and_fact_names_a_source(catalogue: Catalogue) -> None:
    """Programmes, exemptions, costs, subsidies, subjects, tables and scopes all carry sources."""
    for p in catalogue.programmes:
        assert p.sources, p.id
        assert all(e.sources for e in p.exemptions), p.id
        assert all(c.source for c in p.costs), p.id
        assert all(s.sources for s in p.subsidies), p.id
    assert all(s.sources for s in catalogue.subjects)
    assert all(t.sources for t in catalogue.relatedness_tables)
    assert all(s.sources for s in catalogue.qualification_scopes)


def test_every_subject_of_the_verwantschapstabel_has_programmes(catalogue: Catalogue) -> None:
    """A subject the table gives a qualification for is offered by some programme."""
    offered = {s for p in catalogue.programmes for s in p.subjects}
    table_subjects = {r.subject for r in catalogue.relatedness if r.table == "minor-module"}
    assert sorted(table_subjects - offered) == []


TABLE_SUBJECTS = {
    "Leraar Aardrijkskunde": "aardrijkskunde", "Leraar Arabisch": "arabisch", "Leraar Biologie": "biologie",
    "Leraar Duits": "duits", "Leraar Chinees": "chinees", "Leraar Economie": "economie",
    "Leraar Engels": "engels", "Leraar Filosofie": "filosofie", "Leraar Frans": "frans", "Leraar Fries": "fries",
    "Leraar Geschiedenis en Staatsinrichting": "geschiedenis",
    "Leraar Godsdienst en levensbeschouwing": "godsdienst-levensbeschouwing",
    "Leraar Grieks, Latijn en KCV": "klassieke-talen", "Leraar Informatica": "informatica",
    "Leraar Italiaans": "italiaans", "Leraar Kunstvakken-I en Kunstvakken-II": "kunstvakken",
    "Leraar Latijn en KCV": "latijn", "Leraar Maatschappijleer": "maatschappijleer",
    "Leraar Management en organisatie": "management-en-organisatie", "Leraar Natuurkunde": "natuurkunde",
    "Leraar Nederlands": "nederlands", "Leraar Russisch": "russisch", "Leraar Scheikunde": "scheikunde",
    "Leraar Spaans": "spaans", "Leraar Techniek": "techniek", "Leraar Wiskunde": "wiskunde",
}  # fmt: skip
"""The table's "Bevoegdheid" column and the subject slug each row must carry."""


def _source_rows() -> list[tuple[str, int, tuple[str, ...], str]]:
    rows = []
    previous_universities = previous_subject = ""
    for line in SOURCE_TABLE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| WO-bachelor"):
            continue
        name, croho, universities, subject = (c.strip() for c in line.strip().strip("|").split("|"))
        universities = previous_universities if universities == '"' else universities
        subject = previous_subject if subject == '"' else subject
        previous_universities, previous_subject = universities, subject
        name = re.sub(r"\s*\(\d\)$", "", name)
        unis = () if universities == "---" else tuple(u.strip() for u in universities.split(";"))
        rows.append((name, int(croho), unis, subject))
    return rows


@pytest.mark.skipif(not SOURCE_TABLE.exists(), reason="the source table lies beside the repository")
def test_the_rows_in_force_in_2013_are_the_118_rows_of_the_2012_text(catalogue: Catalogue) -> None:
    """Row by row, read by a parser of its own: programme, CROHO code, university limits, subject."""
    import datetime as dt

    def unis(text: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(u.strip() for part in text for u in re.split(r";|,| en ", part) if u.strip()))

    source = sorted((name, croho, unis(u), TABLE_SUBJECTS[s]) for name, croho, u, s in _source_rows())
    ours = sorted(
        (r.programme, r.croho, unis(r.universities), r.subject)
        for r in catalogue.rows_in_force("minor-module", dt.date(2013, 1, 1))
    )
    assert len(source) == 118
    assert ours == source


def test_the_table_changes_on_the_dates_of_its_texts(catalogue: Catalogue) -> None:
    """Rows the 2015 text added count from 2 October 2015 on, rows it dropped until then."""
    import datetime as dt

    def related(croho: int, subject: str, day: dt.date) -> bool:
        return any(r.croho == croho for r in catalogue.rows("minor-module", subject, day))

    # Geografie, Planologie en Milieu (RU) for aardrijkskunde: added in 2015
    assert not related(56947, "aardrijkskunde", dt.date(2015, 10, 1))
    assert related(56947, "aardrijkskunde", dt.date(2015, 10, 2))
    # Natuurwetenschappen for natuurkunde: in the 2012 text, dropped in 2015
    assert related(50013, "natuurkunde", dt.date(2013, 1, 1))
    assert not related(50013, "natuurkunde", dt.date(2016, 1, 1))
    # Turks: only in the 2010 text
    assert catalogue.rows("minor-module", "turks", dt.date(2011, 1, 1))
    assert catalogue.rows("minor-module", "turks", dt.date(2013, 1, 1)) == ()


def test_the_beperkte_tweedegraads_scope_widens_on_2023_08_01(catalogue: Catalogue) -> None:
    """Before the change: vmbo-tl and onderbouw; from 1 August 2023: all of the vmbo."""
    import datetime as dt

    def settings(day: dt.date) -> set[SchoolSetting]:
        return {
            s
            for scope in catalogue.scopes(day)
            if scope.kind is QualificationKind.BEPERKT_TWEEDEGRAADS
            for s in scope.settings
        }

    assert settings(dt.date(2023, 7, 31)) == {
        SchoolSetting.VMBO_TL,
        SchoolSetting.ONDERBOUW_HAVO_VWO,
    }
    assert settings(dt.date(2023, 8, 1)) == {SchoolSetting.VMBO, SchoolSetting.ONDERBOUW_HAVO_VWO}


def test_scopes_nest_first_over_second_over_limited(catalogue: Catalogue) -> None:
    """1e ⊇ 2e ⊇ beperkt 2e, in the data, on the date the tests ask for."""

    def settings(kind: QualificationKind) -> set[SchoolSetting]:
        return {s for scope in catalogue.scopes(AS_OF) if scope.kind is kind for s in scope.settings}

    first = settings(QualificationKind.EERSTEGRAADS)
    second = settings(QualificationKind.TWEEDEGRAADS)
    limited = settings(QualificationKind.BEPERKT_TWEEDEGRAADS)
    assert first >= second >= limited


def test_unconfirmed_entries_say_what_is_unconfirmed(catalogue: Catalogue) -> None:
    """Every unconfirmed note is a sentence, and the catalogue has them where sources are silent."""
    notes = [(p.id, n) for p in catalogue.programmes for n in p.unconfirmed]
    assert len(notes) >= 20
    assert all(len(n) > 20 for _, n in notes)


def test_dated_facts_are_dates(catalogue: Catalogue) -> None:
    """EMPO from September 2022, Eerst de Klas ended 2018, the Educatieve Module from July 2016."""
    import datetime as dt

    assert catalogue.programme("empo").valid_from == dt.date(2022, 9, 1)
    assert not catalogue.programme("eerst-de-klas").valid_on(dt.date(2019, 6, 1))
    assert catalogue.programme("eerst-de-klas").valid_on(dt.date(2015, 6, 1))
    assert catalogue.programme("educatieve-module").valid_from == dt.date(2016, 7, 1)


def test_catalogue_has_a_field_for_every_section_of_a_file() -> None:
    """Loading, saving and the round-trip law copy sections by name; none may be forgotten."""
    from leraarroutes.catalogue.catalogue import _SECTIONS, CatalogueFile

    file_sections = {a.name for a in attrs.fields(CatalogueFile)} - {"title", "description", "retrieved"}
    assert set(_SECTIONS) == file_sections
    assert file_sections <= {a.name for a in attrs.fields(Catalogue)}
