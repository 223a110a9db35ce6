"""Shared fixtures and the hypothesis profiles.

``HYPOTHESIS_PROFILE=thorough`` runs the property tests with many more examples.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import leraarroutes
from leraarroutes import Catalogue

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile("thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The checked catalogue's disk cache goes to a folder of this run, never into the user's home; the
# child processes the tests start inherit it.
os.environ.setdefault("LERAARROUTES_CACHE", tempfile.mkdtemp(prefix="leraarroutes-cache-"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


AS_OF = dt.date(2024, 1, 1)
"""The date the scenario tests ask their questions for, so that they do not age."""


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return leraarroutes.load_catalogue()


# Scenario files: tests/cases/*.yaml, one person each, read by a domain expert -----------------

import yaml

from leraarroutes import Profile, Where, explain, find_routes
from leraarroutes.catalogue import serialize
from leraarroutes.catalogue.offers import place_point
from leraarroutes.register import same_institution


class ScenarioFile(pytest.File):
    """A scenario file: one person, a target, the routes that must and must not come out."""

    def collect(self):  # type: ignore[no-untyped-def]
        spec = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        yield ScenarioItem.from_parent(self, name=self.path.stem, spec=spec)


class ScenarioItem(pytest.Item):
    def __init__(self, *, spec: dict, **kwargs) -> None:  # type: ignore[no-untyped-def, type-arg]
        super().__init__(**kwargs)
        self.spec = spec

    def runtest(self) -> None:
        spec = self.spec
        catalogue = leraarroutes.load_catalogue()
        profile = serialize.structure(spec["profile"], Profile, file=str(self.path))
        catalogue.check_profile(profile)
        as_of = spec.get("as_of", AS_OF)
        routes = find_routes(catalogue, profile, spec["target"], as_of=as_of, where=_where(spec, catalogue))
        shown = "\n".join(f"  {[s.kind for s in r.steps]} {r.status} {r.months}m {r.ec}EC" for r in routes)
        for want in spec.get("must", []):
            hits = [r for r in routes if [s.kind for s in r.steps] == want["route"]]
            assert hits, f"missing route {want['route']} ({want['source']}); found:\n{shown}"
            for key in ("status", "months", "ec"):
                if key in want:
                    assert any(getattr(r, key) == want[key] for r in hits), (
                        f"route {want['route']}: no {key} == {want[key]} ({want['source']}); found:\n{shown}"
                    )
            if "offers" in want:  # institutions that must be among the offerings of the route's steps
                given = [{o.institution for s in r.steps for o in s.offers} for r in hits]
                assert any(all(same_institution(i, gs) for i in want["offers"]) for gs in given), (
                    f"route {want['route']}: offers {sorted(given[0])} lack one of {want['offers']}"
                )
            if "condition" in want:
                assert any(want["condition"] in c for r in hits for c in r.conditions), (
                    f"route {want['route']}: no condition mentions {want['condition']!r}"
                )
        if spec.get("explain"):
            _check_explain(spec, catalogue, profile, as_of)
        for unwanted in spec.get("must_not", []):
            if "route" in unwanted:
                bad = [r for r in routes if [s.kind for s in r.steps] == unwanted["route"]]
            else:
                bad = [r for r in routes if any(s.kind == unwanted["kind"] for s in r.steps)]
            assert not bad, f"unexpected {unwanted} ({unwanted['source']}); found:\n{shown}"

    def reportinfo(self):  # type: ignore[no-untyped-def]
        return self.path, 0, f"scenario: {self.spec.get('description', self.name)}"


def _check_explain(spec: dict, catalogue: Catalogue, profile: Profile, as_of: dt.date) -> None:  # type: ignore[type-arg]
    """Closed programmes, and what must (and must never) be among the changes that open them."""
    closed = {b.programme: b for b in explain(catalogue, profile, spec["target"], as_of=as_of)}
    for want in spec["explain"]:
        blocked = closed.get(want["programme"])
        assert blocked is not None, f"{want['programme']} is not closed ({want['source']}): {sorted(closed)}"
        texts = [r.nl for r in blocked.would_open]
        if "would_open" in want:
            assert any(want["would_open"] in x for x in texts), f"{want['programme']}: {texts} ({want['source']})"
        for never in want.get("never", []):
            assert not any(never in x for x in texts), f"{want['programme']} proposes {never!r}: {texts}"


def _where(spec: dict, catalogue: Catalogue) -> Where | None:  # type: ignore[type-arg]
    """The scenario's filters: province, near (a place name) and within_km, provider, form."""
    asked = spec.get("where")
    if not asked:
        return None
    near = asked.get("near")
    return Where(
        province=asked.get("province"),
        near=None if near is None else place_point(near, catalogue.provider_offerings),
        near_name=near,
        within_km=asked.get("within_km", 30.0),
        provider=asked.get("provider"),
        form=asked.get("form"),
    )


def pytest_collect_file(parent: pytest.Collector, file_path):  # type: ignore[no-untyped-def]
    if file_path.suffix == ".yaml" and file_path.parent.name == "cases":
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def live_server(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def serving_process(command: Sequence[str | os.PathLike[str]], port: int, *, wait_s: float = 60) -> Iterator[str]:
    """A server started as ``command`` (listening on ``port``), once its health check answers; yields its URL.

    The test fails with the server's own error output when it stops, or after ``wait_s`` seconds.
    """
    import subprocess
    import urllib.request

    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/health", timeout=2) as answer:  # noqa: S310 - loopback
                    assert answer.status == 200
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(server.stderr.read().decode() if server.stderr else "the server stopped")
                if time.monotonic() > deadline:
                    pytest.fail(f"no answer within {wait_s:g} s")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.communicate(timeout=10)  # reads and closes the pipe
