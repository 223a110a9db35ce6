"""The adviser's page in a real browser: Debian's Chromium, driven by Playwright, against a live server.

The server runs on a free loopback port in a thread; Playwright uses the Chromium that
``shutil.which("chromium")`` finds (its own browser download cannot work here). Under CI these
tests never skip: ``.ci/run`` installs chromium.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from leraarroutes import Catalogue
from leraarroutes.web import create_app
from tests.conftest import live_server

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium is installed by .ci/run"
)


@pytest.fixture(scope="module")
def base_url(catalogue: Catalogue) -> Iterator[str]:
    with live_server(create_app(catalogue)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None, "CI installs chromium; without it these tests cannot run"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL")
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    yield tab
    context.close()
    # a refused inline style or script (the Content-Security-Policy) shows up here
    assert not problems, problems


def _open_form(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.title().startswith("Routes naar een lesbevoegdheid")


def _submit(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Toon routes").click()


def test_a_havo_leaver_asks_for_the_pabo(page: Page, base_url: str) -> None:
    _open_form(page, base_url)
    page.get_by_label("Niveau").first.select_option("havo")
    page.get_by_label("Examenvakken (vo-diploma)").select_option(["geschiedenis"])
    page.get_by_label("Doel").select_option("po")
    page.get_by_label("Peildatum").fill("2024-01-01")
    _submit(page)
    query = parse_qs(urlparse(page.url).query)
    assert query["level1"] == ["havo"]
    assert query["target"] == ["po"]
    answer = page.locator("#antwoord")
    assert "Pabo (hbo-bachelor leraar basisonderwijs)" in answer.inner_text()
    assert page.locator("figure.map svg").count() == 1
    page.get_by_role("link", name="Waarom niet?").click()
    assert urlparse(page.url).fragment == "waarom-niet"
    closed = page.locator("ul.blocked").inner_text()
    assert "Academische pabo (ALPO)" in closed
    assert "geen diploma van niveau vwo" in closed
    bookmarked = page.url
    page.goto("about:blank")
    page.goto(bookmarked)  # the bookmark gives the same answer
    assert "Pabo (hbo-bachelor leraar basisonderwijs)" in page.locator("#antwoord").inner_text()
    assert page.locator("#level1").input_value() == "havo"


def test_a_history_master_asks_what_she_can_become_and_follows_a_link(page: Page, base_url: str) -> None:
    _open_form(page, base_url)
    levels = page.get_by_label("Niveau")
    levels.nth(0).select_option("wo-bachelor")
    page.locator("#programme1").fill("Geschiedenis")
    levels.nth(1).select_option("wo-master")
    page.locator("#programme2").fill("Geschiedenis")
    page.get_by_label("Peildatum").fill("2024-01-01")
    _submit(page)
    grouped = page.url
    group = page.locator("li.group", has_text="eerstegraads Geschiedenis en staatsinrichting").first
    assert "Nu open" in page.locator("#antwoord").inner_text()
    group.locator("summary").click()
    assert "Eenjarige educatieve master" in group.inner_text()
    with page.expect_navigation():
        group.get_by_role("link", name="alle routes hierheen").click()
    assert parse_qs(urlparse(page.url).query)["target"] == ["eerstegraads:geschiedenis"]
    assert "Routes (" in page.locator("#antwoord").inner_text()
    page.go_back()
    assert page.url == grouped
    assert "Nu open" in page.locator("#antwoord").inner_text()
    page.go_forward()
    assert "target=eerstegraads" in page.url


def test_an_engineer_sees_the_checks_and_switches_to_english(page: Page, base_url: str) -> None:
    _open_form(page, base_url)
    levels = page.get_by_label("Niveau")
    levels.nth(0).select_option("wo-bachelor")
    page.locator("#programme1").fill("Werktuigbouwkunde")
    levels.nth(1).select_option("wo-master")
    page.locator("#programme2").fill("Mechanical Engineering")
    page.get_by_label("Doel").select_option("eerstegraads:natuurkunde")
    page.get_by_label("Peildatum").fill("2024-01-01")
    _submit(page)
    answer = page.locator("#antwoord").inner_text()
    assert "Eenjarige educatieve master" in answer
    assert "na te gaan" in answer
    with page.expect_navigation():
        page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Routes to a teaching qualification" in page.locator("h1").inner_text()
    assert page.locator("#programme1").input_value() == "Werktuigbouwkunde"  # the situation stayed


def test_the_form_works_with_the_keyboard_only(page: Page, base_url: str) -> None:
    """Tab reaches every field in order; a select takes typed letters; Enter on the button submits."""
    _open_form(page, base_url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "level1":
            break
    assert page.evaluate("document.activeElement.id") == "level1"
    page.keyboard.type("vwo")
    assert page.locator("#level1").input_value() == "vwo"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "BUTTON":
            break
    assert page.evaluate("document.activeElement.textContent") == "Toon routes"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlparse(page.url).query)["level1"] == ["vwo"]
    assert "Nu open" in page.locator("#antwoord").inner_text()


def test_the_answer_page_has_no_accessibility_violations(page: Page, base_url: str) -> None:
    """axe-core (served from the Python package, injected by the test) finds nothing on form and answer."""
    queries = ("", "?level1=vwo&target=po&as_of=2024-01-01", "?level1=wo-master&programme1=Biologie&as_of=2024-01-01")
    for query in queries:
        page.goto(base_url + "/" + query)
        page.locator("details").evaluate_all("nodes => nodes.forEach(n => n.open = true)")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()


def test_the_accessibility_check_can_fail(page: Page) -> None:
    """The check above is not a formality: a field without a label is a violation."""
    page.set_content("<!DOCTYPE html><html lang='nl'><head><title>x</title></head><body><main><input></main></body>")
    assert Axe().run(page).violations_count > 0
