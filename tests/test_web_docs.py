"""The web how-tos, executed: serve as the desk how-to says, and call the API as the other one shows.

Every address in the pages names port 8000; the tests put the port of the server they started in
its place. Under CI ``curl`` and ``node`` are on the machine, so these tests never skip there.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from leraarroutes import Catalogue
from leraarroutes.web import create_app
from tests.conftest import free_port, live_server, serving_process
from tests.test_docs import console_commands

ROOT = Path(__file__).resolve().parents[1]
DESK = (ROOT / "docs" / "how-to" / "web-app.md").read_text(encoding="utf-8")
API = (ROOT / "docs" / "how-to" / "web-api.md").read_text(encoding="utf-8")
DOC_PORT = "127.0.0.1:8000"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is on the CI machine; it is missing")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def base_url(catalogue: Catalogue) -> Iterator[str]:
    with live_server(create_app(catalogue)) as url:
        yield url


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 - a loopback address we started
        assert answer.status == 200
        return str(answer.read().decode("utf-8"))


def test_the_desk_how_to_serves_the_page_it_describes() -> None:
    """``leraarroutes serve --port …`` as the page says; the example address gives the answer it promises."""
    [(command, _)] = console_commands(DESK, "leraarroutes")
    port = free_port()
    argv = [sys.executable, "-m", "leraarroutes", *shlex.split(command)[1:]]
    argv[argv.index("--port") + 1] = str(port)
    with serving_process(argv, port) as base:
        example = re.search(r"<(http://127\.0\.0\.1:8000/\?[^>]+)>", DESK)
        assert example is not None
        page = _get(example.group(1).replace(DOC_PORT, base.removeprefix("http://")))
        assert "Pabo (hbo-bachelor leraar basisonderwijs)" in page
        assert "Waarom niet?" in page
        assert 'lang="nl"' in page


def test_the_desk_how_to_runs_under_another_asgi_server() -> None:
    [(command, _)] = console_commands(DESK, "uvicorn")
    port = free_port()
    argv = [sys.executable, "-m", *shlex.split(command)]
    argv[argv.index("--port") + 1] = str(port)
    with serving_process(argv, port) as base:
        assert '"status":"ok"' in _get(base + "/api/v1/health")


CURLS = console_commands(API, "curl")


@pytest.mark.parametrize(("command", "shown"), CURLS, ids=[c[:70] for c, _ in CURLS])
def test_the_api_how_to_curl_commands_print_what_they_show(base_url: str, command: str, shown: str) -> None:
    _tool("curl")
    line = command.replace(f"http://{DOC_PORT}", base_url).replace("python3 ", f"{shlex.quote(sys.executable)} ")
    done = subprocess.run(["bash", "-c", line], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.rstrip() == shown


def test_the_api_how_to_javascript_prints_what_it_shows(base_url: str) -> None:
    node = _tool("node")
    script = re.search(r"```js\n(.*?)```", API, flags=re.DOTALL)
    shown = re.search(r"```js\n.*?```\n\nprints\n\n```text\n(.*?)```", API, flags=re.DOTALL)
    assert script is not None
    assert shown is not None
    done = subprocess.run(
        [node, "--input-type=module", "-e", script.group(1)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "LERAARROUTES_URL": base_url},
    )
    assert done.stdout.rstrip() == shown.group(1).rstrip()
