"""The JSON API and the page through the framework's test client: answers, errors, limits, headers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

from leraarroutes import Catalogue
from leraarroutes.catalogue.schema import json_schema
from leraarroutes.cli import main
from leraarroutes.engine.report import report_schema
from leraarroutes.web import app as web_app
from leraarroutes.web import create_app
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is installed by .ci/run")

VWO: dict[str, Any] = {"diplomas": [{"level": "vwo"}]}
HISTORIAN: dict[str, Any] = {
    "diplomas": [
        {"level": "wo-bachelor", "programme": "Geschiedenis"},
        {"level": "wo-master", "programme": "Geschiedenis"},
    ]
}


@pytest.fixture(scope="module")
def client(catalogue: Catalogue) -> TestClient:
    return TestClient(create_app(catalogue), raise_server_exceptions=False)


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["status"] == status
    assert "Traceback" not in response.text
    return body


def test_health_names_the_versions(client: TestClient, catalogue: Catalogue) -> None:
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["catalogue_version"] == catalogue.version
    assert body["leraarroutes_version"]


def test_routes_answer_is_the_documented_report(client: TestClient, catalogue: Catalogue) -> None:
    """The API returns the same report as ``routes --format json``, valid against its schema."""
    body = {"profile": VWO, "target": "po", "as_of": AS_OF.isoformat()}
    response = client.post("/api/v1/routes", json=body)
    assert response.status_code == 200, response.text
    report = response.json()
    jsonschema.validate(report, report_schema())
    assert report["routes"][0]["status"] == "open"
    assert report["catalogue_version"] == catalogue.version
    assert response.headers["X-As-Of"] == AS_OF.isoformat()
    assert response.headers["X-Catalogue-Version"] == catalogue.version


def test_routes_without_target_are_grouped(client: TestClient) -> None:
    body = {"profile": HISTORIAN, "as_of": AS_OF.isoformat(), "lang": "en"}
    report = client.post("/api/v1/routes", json=body).json()
    jsonschema.validate(report, report_schema())
    names = [g["name"] for g in report["qualifications"] if g["status"] == "open"]
    assert "first degree History and civics" in names or any(n.startswith("first degree History") for n in names)


def test_the_api_and_the_cli_give_the_same_report(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "vwo.json"
    profile.write_text(json.dumps(VWO), encoding="utf-8")
    command = ["routes", "--profile", str(profile), "--target", "po", "--as-of", "2024-01-01", "--format", "json"]
    assert main(command) == 0
    from_cli = json.loads(capsys.readouterr().out)
    from_api = client.post("/api/v1/routes", json={"profile": VWO, "target": "po", "as_of": "2024-01-01"}).json()
    assert from_api == from_cli


def test_explain_says_why(client: TestClient) -> None:
    body = {"profile": VWO, "target": "eerstegraads:biologie", "as_of": AS_OF.isoformat()}
    report = client.post("/api/v1/explain", json=body).json()
    assert report["blocked"]
    assert all(b["reasons"] for b in report["blocked"])
    problem = _problem(client.post("/api/v1/explain", json={"profile": VWO}), 422)
    assert "needs a target" in problem["detail"]


def test_a_bad_profile_gets_the_message_the_cli_gives(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {"diplomas": [{"level": "vwox"}]}
    problem = _problem(client.post("/api/v1/routes", json={"profile": bad}), 422)
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert main(["--lang", "en", "routes", "--profile", str(path)]) == 2
    cli_message = capsys.readouterr().err.strip()
    # the same words after the place: "FILE:LINE: " on the command line, "profile: " in the API
    assert cli_message.partition("$.")[2] == problem["detail"].partition("$.")[2]
    assert "did you mean 'vwo'" in problem["detail"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b"{not json", 400, "not valid JSON"),
        (b"", 400, "empty"),
        (b"\xff\xfe", 400, "not UTF-8"),
        (b"[1, 2]", 422, "expected a JSON object"),
        (b'{"profile": {}, "colour": 1}', 422, "unknown field 'colour'"),
        (b'{"profile": {}, "limit": "5"}', 422, "limit must be a whole number"),
        (b'{"profile": {}, "as_of": "tomorrow"}', 422, "as_of must be a date"),
        (b'{"profile": {}, "province": "Atlantis"}', 422, "unknown province"),
        (b'{"profile": {}, "target": "tweedegraads:klingon"}', 422, "klingon"),
    ],
)
def test_bad_requests_are_problems_not_tracebacks(client: TestClient, body: bytes, status: int, words: str) -> None:
    response = client.post("/api/v1/routes", content=body, headers={"content-type": "application/json"})
    assert words in _problem(response, status)["detail"]


def test_a_large_body_is_refused_before_it_is_read(client: TestClient) -> None:
    body = b'{"profile": {"description": "' + b"x" * (web_app.MAX_BODY_BYTES + 1) + b'"}}'
    _problem(client.post("/api/v1/routes", content=body, headers={"content-type": "application/json"}), 413)


def test_unknown_names_are_404_with_suggestions(client: TestClient) -> None:
    assert "did you mean 'pabo'" in _problem(client.get("/api/v1/programmes/pabox"), 404)["detail"]
    _problem(client.get("/api/v1/no-such-thing"), 404)
    _problem(client.get("/api/v1/diagrams/nergens.svg"), 404)


def test_an_unexpected_error_is_a_500_problem_without_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        msg = "a bug"
        raise RuntimeError(msg)

    monkeypatch.setattr(web_app, "routes_report", broken)
    body = _problem(client.post("/api/v1/routes", json={"profile": VWO}), 500)
    assert "a bug" not in body["detail"]


def test_catalogue_programme_and_degree_search(client: TestClient, catalogue: Catalogue) -> None:
    index = client.get("/api/v1/catalogue").json()
    assert len(index["programmes"]) == len(catalogue.programmes)
    pabo = client.get("/api/v1/programmes/pabo").json()["programme"]
    assert pabo["id"] == "pabo"
    assert pabo["sources"]
    found = client.get("/api/v1/degrees", params={"q": "psychologie", "level": "wo-bachelor"}).json()["degrees"]
    assert found[0]["croho"] == 56604
    assert "1 to 50" in _problem(client.get("/api/v1/degrees", params={"q": "x", "limit": 500}), 422)["detail"]
    _problem(client.get("/api/v1/degrees"), 400)  # q is required


@needs_dot
def test_diagrams_are_svg_and_user_text_stays_text(client: TestClient) -> None:
    overview = client.get("/api/v1/diagrams/vo.svg", params={"as_of": "2024-01-01"})
    assert overview.headers["content-type"].startswith("image/svg+xml")
    assert overview.text.startswith("<svg")
    hostile = {**VWO, "description": '<script>alert("x")</script>'}
    personal = client.post("/api/v1/diagrams/personal.svg", json={"profile": hostile, "target": "po"})
    assert personal.status_code == 200
    assert "<script>" not in personal.text
    assert "&lt;script&gt;" in personal.text


def test_openapi_is_built_from_the_project_schemas(client: TestClient) -> None:
    from openapi_spec_validator import validate

    from leraarroutes.web._openapi import embedded

    document = client.get("/api/v1/openapi.json").json()
    validate(document)  # OpenAPI 3.1, every reference resolves
    assert document["openapi"] == "3.1.0"
    assert document["components"]["schemas"]["Profile"] == embedded(json_schema("profile"), "Profile")
    assert document["components"]["schemas"]["RoutesReport"] == embedded(report_schema(), "RoutesReport")
    broken = json.loads(json.dumps(document).replace("#/components/schemas/Profile/$defs/Job", "#/$defs/Job"))
    with pytest.raises(Exception, match="Job"):  # the check can fail: a reference that resolves nowhere
        validate(broken)
    assert {"/api/v1/routes", "/api/v1/explain", "/api/v1/degrees", "/api/v1/health"} <= set(document["paths"])


def test_the_shipped_report_schema_is_the_documented_one() -> None:
    documented = json.loads((ROOT / "schemas" / "routes-report.schema.json").read_text(encoding="utf-8"))
    assert documented == report_schema()


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/"), client.get("/api/v1/health"), client.get("/api/v1/nothing")):
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp
        assert "script-src" not in csp  # no script is allowed at all (default-src 'none')
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Leraarroutes-Version"]


@needs_dot
def test_the_page_answers_from_the_url(client: TestClient) -> None:
    """The whole situation is in the address: the same URL gives the same answer."""
    url = "/?level1=vwo&target=po&as_of=2024-01-01"
    page = client.get(url)
    assert page.status_code == 200
    assert "Pabo (hbo-bachelor leraar basisonderwijs)" in page.text
    assert '<figure class="map"' in page.text
    assert client.get(url).text == page.text
    english = client.get(url + "&lang=en").text
    assert '<html lang="en">' in english
    assert "Routes to a teaching qualification" in english


def test_the_page_refuses_what_it_cannot_read(client: TestClient) -> None:
    for query, words in (
        ("level1=vwox", "did you mean"),
        ("colour=red", "unknown field"),
        ("level1=vwo&year1=soon", "year1 must be a whole number"),
        ("level1=vwo&as_of=gisteren", "as_of must be a date"),
    ):
        page = client.get("/?" + query)
        assert page.status_code == 422, query
        assert words in page.text, query
        assert 'role="alert"' in page.text


def test_hostile_text_in_the_page_is_escaped(client: TestClient) -> None:
    hostile = {"level1": "hbo-bachelor", "programme1": "<script>alert(1)</script>", "as_of": "2024-01-01"}
    page = client.get("/", params=hostile)
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


EXAMPLE_PROFILES = sorted((ROOT / "examples" / "profiles").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE_PROFILES, ids=lambda p: p.stem)
def test_every_example_profile_gets_the_routes_find_routes_gives(
    client: TestClient, catalogue: Catalogue, path: Path
) -> None:
    """Each example person, posted as JSON: a schema-valid report with exactly the routes of ``find_routes``."""
    import yaml

    from leraarroutes import find_routes, load_profiles

    for document, profile in zip(
        yaml.safe_load_all(path.read_text(encoding="utf-8")), load_profiles(path), strict=True
    ):
        response = client.post("/api/v1/routes", json={"profile": document, "as_of": AS_OF.isoformat()})
        assert response.status_code == 200, response.text
        report = response.json()
        jsonschema.validate(report, report_schema())
        expected = find_routes(catalogue, profile, as_of=AS_OF, form=profile.chosen_form()[0])
        assert [(r["qualification"], [s["programme"] for s in r["steps"]]) for r in report["routes"]] == [
            (r.qualification, list(r.programmes)) for r in expected
        ]


def test_hostile_requests_get_a_4xx_and_the_server_keeps_serving(client: TestClient) -> None:
    ten_mb = b'{"profile": {"description": "' + b"x" * 10_000_000 + b'"}}'
    _problem(client.post("/api/v1/routes", content=ten_mb, headers={"content-type": "application/json"}), 413)
    # a chunked body states no length: it is counted while it is read
    chunks = (b"x" * 65_536 for _ in range(20))
    _problem(client.post("/api/v1/routes", content=chunks, headers={"content-type": "application/json"}), 413)
    _problem(client.post("/api/v1/routes", json={"profile": {"diplomas": "vwo"}}), 422)
    _problem(client.post("/api/v1/routes", json={"profile": VWO, "target": "opperhoofd"}), 422)
    for path in (
        "/api/v1/../../etc/passwd",
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/api/v1/programmes/..%2f..%2fetc",
    ):
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert "root:" not in response.text
        assert "import" not in response.text
    markup = "<b onmouseover=alert(1)>&amp;</b>"
    everywhere = {
        "description": markup,
        "diplomas": [{"level": "wo-master", "programme": markup, "institution": markup}],
        "studying": [{"level": "wo-bachelor", "programme": markup}],
    }
    answer = client.post("/api/v1/routes", json={"profile": everywhere, "as_of": AS_OF.isoformat()})
    assert answer.status_code == 200
    page = client.get("/", params={"level1": "wo-master", "programme1": markup, "study_level": "hbo-bachelor",
                                   "study_programme": markup, "as_of": AS_OF.isoformat()})  # fmt: skip
    assert markup not in page.text
    assert "&lt;b onmouseover=alert(1)&gt;&amp;amp;&lt;/b&gt;" in page.text
    assert client.get("/api/v1/health").status_code == 200  # still serving
