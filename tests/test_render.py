"""Diagrams: golden DOT files, real rendering through dot, and labels nobody can inject into."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leraarroutes import Catalogue, Diploma, Job, Level, Profile, Qualification, Sector, SubjectId
from leraarroutes.diagrams import OVERVIEWS, personal_digraph, render, to_digraph
from leraarroutes.testing.strategies import catalogues
from tests.conftest import AS_OF

GOLDEN = Path(__file__).parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is installed by .ci/run")

PEOPLE = {
    "ingenieur": (
        Profile(
            diplomas=(
                Diploma(level=Level.WO_BACHELOR, programme="Werktuigbouwkunde", croho=56966),
                Diploma(level=Level.WO_MASTER, programme="Mechanical Engineering"),
            ),
            subject_ec={"natuurkunde": 95},
        ),
        "eerstegraads:natuurkunde",
    ),
    "havist": (Profile(diplomas=(Diploma(level=Level.HAVO, exam_subjects=("geschiedenis",)),)), "po"),
    "tweedegraads-leraar": (
        Profile(
            diplomas=(Diploma(level=Level.HBO_BACHELOR, programme="Leraar Engels"),),
            qualifications=(Qualification.parse("tweedegraads:engels"),),
            job=Job(sector=Sector.VO, subject=SubjectId("engels")),
        ),
        "eerstegraads:engels",
    ),
}


def _check_golden(name: str, source: str, update: bool) -> None:
    path = GOLDEN / f"{name}.dot"
    if update:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(source, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == source, f"{name}: run pytest --update-golden and review the diff"


@pytest.mark.parametrize("name", OVERVIEWS)
def test_overview_matches_its_golden_file(name: str, catalogue: Catalogue, update_golden: bool) -> None:
    """Byte for byte: a change in the catalogue that changes a diagram shows as a golden-file diff."""
    _check_golden(name, to_digraph(catalogue, name, as_of=AS_OF).source, update_golden)


@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_personal_map_matches_its_golden_file(person: str, catalogue: Catalogue, update_golden: bool) -> None:
    """Three people's route maps, byte for byte."""
    profile, target = PEOPLE[person]
    _check_golden(
        f"persoonlijk-{person}", personal_digraph(catalogue, profile, target, as_of=AS_OF).source, update_golden
    )


def test_english_labels_on_request(catalogue: Catalogue) -> None:
    """lang="en" switches headings and names."""
    source = to_digraph(catalogue, "po", as_of=AS_OF, lang="en").source
    assert "Primary education" in source
    assert "Primair onderwijs" not in source


def test_as_of_draws_the_overview_as_it_stood(catalogue: Catalogue) -> None:
    """Before September 2022 the academic PO overview has no EMPO."""
    import datetime as dt

    assert "empo" not in to_digraph(catalogue, "academische-po-routes", as_of=dt.date(2021, 1, 1)).source
    assert "empo" in to_digraph(catalogue, "academische-po-routes", as_of=AS_OF).source


@needs_dot
@pytest.mark.parametrize("name", OVERVIEWS)
def test_every_overview_renders_to_svg_and_png(name: str, catalogue: Catalogue, tmp_path: Path) -> None:
    """dot accepts the DOT; the SVG has one node per programme of the overview and the legend."""
    graph = to_digraph(catalogue, name, as_of=AS_OF)
    svg = render(graph, tmp_path / f"{name}.svg")
    png = render(graph, tmp_path / f"{name}.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    titles = [g.findtext(f"{SVG}title") for g in ET.parse(svg).iter(f"{SVG}g") if g.get("class") == "node"]
    programme_lines = [line for line in graph.body if "fillcolor" in line and "shape=plaintext" not in line]
    programmes = {
        line.split()[0].strip('"') for line in programme_lines if not line.split()[0].startswith(("start-", "q-"))
    }
    assert programmes
    assert programmes <= set(titles)
    assert "legenda" in titles


def test_missing_dot_names_the_install_command(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Graphviz an SVG cannot be made, and the error says how to get it; .dot still works."""
    from leraarroutes.diagrams import GraphvizMissingError

    monkeypatch.setattr(shutil, "which", lambda _name: None)
    graph = to_digraph(catalogue, "mbo", as_of=AS_OF)
    with pytest.raises(GraphvizMissingError, match="apt-get install graphviz"):
        render(graph, tmp_path / "mbo.svg")
    assert render(graph, tmp_path / "mbo.dot").read_text(encoding="utf-8") == graph.source


def test_mermaid_output_names_every_programme(catalogue: Catalogue) -> None:
    """The Mermaid text has a flowchart with the same programmes."""
    from leraarroutes.diagrams import overview_mermaid

    text = overview_mermaid(catalogue, "academische-po-routes", as_of=AS_OF)
    assert text.startswith("flowchart LR\n")
    assert "Educatieve Master Primair Onderwijs" in text


HOSTILE = (
    st.lists(
        st.sampled_from(["a", "b", " ", '"', "\\", "<", ">", "&", "\n", "\t", "{", "}", ";", ":", "é", "→", "ł", "'",
                         "</text>", "<script>", "\\l", '\\"', "\\\\"]),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda s: s.strip())
)  # fmt: skip


@needs_dot
@settings(max_examples=25)
@given(catalogues(max_programmes=3), st.lists(HOSTILE, min_size=3, max_size=3))
def test_hostile_names_render_to_valid_svg(catalogue: Catalogue, names: list[str]) -> None:
    """Quotes, backslashes, angle brackets, newlines and non-ASCII reach the SVG as text, never as markup."""
    import attrs

    programmes = tuple(attrs.evolve(p, name=names[i % len(names)]) for i, p in enumerate(catalogue.programmes))
    catalogue = Catalogue(subjects=catalogue.subjects, programmes=programmes)
    source = to_digraph(catalogue, "alles", as_of=AS_OF).source
    svg = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=True).stdout
    root = ET.fromstring(svg)
    assert not list(root.iter(f"{SVG}script"))
    texts = {t.text for t in root.iter(f"{SVG}text")}
    for p in programmes:
        assert " ".join(p.name.split()) in texts


@needs_dot
def test_personal_map_svg_carries_the_reasons_of_blocked_programmes(catalogue: Catalogue, tmp_path: Path) -> None:
    """A greyed programme's tooltip in the SVG says why it is closed."""
    profile, target = PEOPLE["havist"]
    svg = render(personal_digraph(catalogue, profile, target, as_of=AS_OF), tmp_path / "p.svg")
    titles = [a.get("{http://www.w3.org/1999/xlink}title") for a in ET.parse(svg).iter(f"{SVG}a")]
    assert any("geen diploma van niveau" in (t or "") for t in titles)


@needs_dot
@pytest.mark.parametrize("name", OVERVIEWS)
def test_every_overview_says_what_it_shows_and_when(catalogue: Catalogue, name: str, tmp_path: Path) -> None:
    """The page title is the overview in words with its date and source, not the internal name."""
    svg = ET.parse(render(to_digraph(catalogue, name, as_of=AS_OF), tmp_path / f"{name}.svg")).getroot()
    texts = [t.text or "" for t in svg.iter(f"{SVG}text")]
    assert texts[0].startswith(("Routes", "Alle routes"))
    assert texts[0] != name
    assert any("stand op 2024-01-01" in t and "bron: leraarroutes" in t for t in texts[:3])


def test_a_personal_map_without_target_says_what_it_left_out(catalogue: Catalogue) -> None:
    """Without a target the map draws the best route to each of the first 12 qualifications and says so."""
    historian = Profile(
        diplomas=tuple(Diploma(level=lv, programme="Geschiedenis") for lv in (Level.WO_BACHELOR, Level.WO_MASTER))
    )
    source = personal_digraph(catalogue, historian, as_of=AS_OF).source
    heading = next(line for line in source.splitlines() if "label=" in line and "Routekaart" in line)
    assert "de beste route naar 12 van de" in heading
    assert source.count("doubleoctagon") == 12  # one node per qualification, none twice
    targeted = personal_digraph(catalogue, historian, "eerstegraads:geschiedenis", as_of=AS_OF, limit=2).source
    assert "naar eerstegraads:geschiedenis" in targeted
    assert "de eerste 2 van" in targeted
