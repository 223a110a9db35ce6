"""Diagrams: golden DOT files, real rendering through dot, and labels nobody can inject into."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leraarroutes import Catalogue, Diploma, InputError, Job, Level, Profile, Qualification, Sector, SubjectId
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
    # a long name is wrapped at spaces over several lines of one box, in document order
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
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
    assert "naar eerstegraads Geschiedenis en staatsinrichting" in targeted
    assert "de eerste 2 van" in targeted


A4_PRINTABLE_PT = (842.0 - 2 * 28.35, 595.0 - 2 * 28.35)  # A4 landscape inside a 10 mm margin


def _printed_text_sizes(svg: bytes) -> tuple[float, float, float]:
    """The drawing's width and height in points and its smallest text, as ``dot`` drew them.

    The SVG's root ``transform="scale(s)"`` is the fit to the page; a font of ``f`` points then
    prints at ``f * s`` points on a page the size of the SVG.
    """
    root = ET.fromstring(svg)
    width, height = (float(root.get(side, "0").removesuffix("pt")) for side in ("width", "height"))
    graph = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "graph")
    scale = float(graph.get("transform", "").split("scale(")[1].split()[0].rstrip(")"))
    sizes = [float(t.get("font-size", "0")) for t in root.iter(f"{SVG}text")]
    return width, height, min(sizes) * scale


@needs_dot
@pytest.mark.parametrize("name", OVERVIEWS)
def test_every_printed_overview_page_is_a4_with_text_of_8_pt_or_more(catalogue: Catalogue, name: str) -> None:
    """Each page of each overview fits A4 landscape at 100 % and no text on it is smaller than 8 pt."""
    from leraarroutes.diagrams import overview_pages

    pages = overview_pages(catalogue, name, as_of=AS_OF)
    assert len(pages) == (3 if name == "alles" else 1)
    for page in pages:
        svg = subprocess.run(["dot", "-Tsvg"], input=page.source.encode(), capture_output=True, check=True).stdout
        width, height, smallest = _printed_text_sizes(svg)
        assert width <= A4_PRINTABLE_PT[0], (page.name, width)
        assert height <= A4_PRINTABLE_PT[1], (page.name, height)
        assert smallest >= 8.0, (page.name, smallest)


@needs_dot
def test_the_size_check_fails_for_a_drawing_shrunk_to_fit(catalogue: Catalogue) -> None:
    """The measure above can fail: the whole catalogue forced onto one A4 page prints below 8 pt."""
    from leraarroutes.diagrams.dot import _dot
    from leraarroutes.diagrams.overviews import _overview

    squeezed = _dot(_overview(catalogue, "alles", AS_OF, "nl"), page="a4")
    svg = subprocess.run(["dot", "-Tsvg"], input=squeezed.source.encode(), capture_output=True, check=True).stdout
    assert _printed_text_sizes(svg)[2] < 8.0


@needs_dot
def test_alles_prints_as_one_pdf_with_a_page_per_sector(catalogue: Catalogue, tmp_path: Path) -> None:
    """``alles`` on paper is three A4 pages (po, vo, mbo), each with its own title; on screen it is one drawing."""
    import pypdf

    from leraarroutes.diagrams import overview_pages

    pdf = render(overview_pages(catalogue, "alles", as_of=AS_OF), tmp_path / "alles.pdf")
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 3
    for page in reader.pages:
        assert float(page.mediabox.width) <= A4_PRINTABLE_PT[0]
        assert float(page.mediabox.height) <= A4_PRINTABLE_PT[1]
    titles = [
        g.source.split('label="', 1)[1].split("\\n", 1)[0] for g in overview_pages(catalogue, "alles", as_of=AS_OF)
    ]
    assert titles == [
        "Alle routes naar een lesbevoegdheid, deel 1 van 3: Primair onderwijs",
        "Alle routes naar een lesbevoegdheid, deel 2 van 3: Voortgezet onderwijs",
        "Alle routes naar een lesbevoegdheid, deel 3 van 3: Mbo",
    ]
    with pytest.raises(InputError, match=r"3 pages fit in one \.pdf"):
        render(overview_pages(catalogue, "alles", as_of=AS_OF), tmp_path / "alles.png")
    screen = to_digraph(catalogue, "alles", as_of=AS_OF).source
    assert " size=" not in screen
    assert "voor het scherm" in screen


def test_overview_headings_name_the_catalogue_they_were_drawn_from(catalogue: Catalogue) -> None:
    """The source line names the package version and the catalogue's content fingerprint."""
    source = to_digraph(catalogue, "vo", as_of=AS_OF).source
    assert f"catalogus {catalogue.version}" in source


def test_the_mbo_overview_starts_from_mbo_4(catalogue: Catalogue) -> None:
    """The mbo overview shows the tweedegraads bachelor from havo/vwo/mbo-4 and the PDG, not only the PDG."""
    source = to_digraph(catalogue, "mbo", as_of=AS_OF).source
    assert "havo / vwo / mbo-4" in source
    assert '"tweedegraads-bachelor"' in source
    assert '"pdg-traject"' in source
    assert '"zij-instroom-vo-eerstegraads"' not in source  # asks for a job in the vo only


@needs_dot
def test_personal_map_conditions_are_visible_text_not_only_tooltips(catalogue: Catalogue, tmp_path: Path) -> None:
    """A PNG or PDF has no tooltips: each condition and reason is a numbered note drawn in the legend."""
    profile, target = PEOPLE["havist"]
    svg = ET.parse(render(personal_digraph(catalogue, profile, target, as_of=AS_OF), tmp_path / "p.svg")).getroot()
    texts = " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert "(1) " in texts
    assert "geen diploma van niveau" in texts  # a reason a programme is closed, as text


@needs_dot
def test_diagram_options_set_the_page_and_the_resolution(tmp_path: Path) -> None:
    """--dpi makes a larger PNG of the same drawing; --page a3 fits a larger page; a bad value is refused."""
    import struct

    from leraarroutes.cli import main

    def png_size(path: Path) -> tuple[int, int]:
        width, height = struct.unpack(">II", path.read_bytes()[16:24])
        return width, height

    assert main(["diagram", "vo", "--as-of", "2024-01-01", "-o", str(tmp_path / "96.png")]) == 0
    assert main(["diagram", "vo", "--as-of", "2024-01-01", "--dpi", "192", "-o", str(tmp_path / "192.png")]) == 0
    small, large = png_size(tmp_path / "96.png"), png_size(tmp_path / "192.png")
    assert large[0] >= 1.9 * small[0]
    assert main(["diagram", "vo", "--as-of", "2024-01-01", "--page", "a3", "-o", str(tmp_path / "a3.dot")]) == 0
    assert 'size="15.74,10.9"' in (tmp_path / "a3.dot").read_text(encoding="utf-8")
    assert main(["diagram", "vo", "--dpi", "5000", "-o", str(tmp_path / "x.png")]) != 0
    assert not (tmp_path / "x.png").exists()
