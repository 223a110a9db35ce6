"""The advice sheet: what it says for three people, that it escapes what they typed, and that its PDF opens."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from leraarroutes import Catalogue, Profile, advice_html, html_to_pdf, load_profile
from leraarroutes.cli import main
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = ROOT / "examples" / "profiles"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is installed by .ci/run")
# CI installs chromium, so there the PDF test runs or fails; it never skips
needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None and not os.environ.get("CI"), reason="chromium is installed by .ci/run"
)


def _text(page: str) -> str:
    """The page's visible words, without the inline map and the tags."""
    page = re.sub(r"<svg.*?</svg>", " ", page, flags=re.DOTALL)
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


@needs_dot
@pytest.mark.parametrize(
    ("person", "target", "expected"),
    [
        (
            "geschiedenismaster",
            None,
            ["eerstegraads Geschiedenis en staatsinrichting", "Eenjarige educatieve master", "12 maanden"],
        ),
        ("ingenieur", "eerstegraads:natuurkunde", ["Na te gaan", "Werktuigbouwkunde", "12 maanden", "Bronnen"]),
        ("havist", "po", ["Pabo", "€ 10.120", "Nu open voor jou", "basisonderwijs"]),
    ],
)
def test_the_sheet_says_what_an_adviser_hands_over(
    catalogue: Catalogue, person: str, target: str | None, expected: list[str]
) -> None:
    """Starting point, date, best routes with figures, what to check, the map and the sources."""
    page = advice_html(catalogue, load_profile(PEOPLE / f"{person}.yaml"), target, as_of=AS_OF)
    text = _text(page)
    assert "Peildatum: 2024-01-01" in text
    assert "Je vooropleiding" in text
    for words in expected:
        assert words in text, words
    assert page.count("<svg") == 1
    assert "catalogus " + catalogue.version in text
    assert "<section class='map'>" in page  # printed on a landscape page of its own
    assert "https://" in text


@needs_dot
def test_what_a_person_typed_cannot_inject_markup(catalogue: Catalogue) -> None:
    """A description with HTML in it appears as text."""
    page = advice_html(catalogue, Profile(description="<script>alert(1)</script>"), as_of=AS_OF)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


@needs_dot
def test_the_english_sheet_is_english(catalogue: Catalogue) -> None:
    """lang='en' gives the English headings."""
    text = _text(advice_html(catalogue, load_profile(PEOPLE / "havist.yaml"), as_of=AS_OF, lang="en"))
    assert "Open to you now" in text
    assert "Nu open" not in text


@needs_dot
@needs_chromium
def test_the_pdf_opens(tmp_path: Path) -> None:
    """`advies -o advies.pdf` writes a PDF of one or two A4 pages."""
    out = tmp_path / "advies.pdf"
    profile = str(PEOPLE / "geschiedenismaster.yaml")
    assert main(["advies", "--profile", profile, "--as-of", AS_OF.isoformat(), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 1 <= pages <= 3
    assert html_to_pdf("<p>x</p>").startswith(b"%PDF-")


def test_the_command_refuses_other_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Only .html and .pdf; the error names both."""
    code = main(["advies", "--profile", str(PEOPLE / "havist.yaml"), "-o", str(tmp_path / "a.docx")])
    assert code == 2
    assert ".html or .pdf" in capsys.readouterr().err
