"""What a command imports: networkx and graphviz only for the commands that draw or analyse.

Importing networkx took longer than a whole query, so the search, ``explain`` and ``batch`` read
the programme links as plain data; ``diagram`` still builds the networkx graph and draws it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROFILE = str(ROOT / "examples" / "profiles" / "ingenieur.yaml")
HEAVY = ("networkx", "graphviz")

_SCRIPT = """
import json, runpy, sys
sys.argv = ["leraarroutes", *json.loads(sys.argv[1])]
try:
    runpy.run_module("leraarroutes", run_name="__main__")
except SystemExit as stop:
    code = stop.code
else:
    code = 0
heavy = [m for m in ("networkx", "graphviz") if m in sys.modules]
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def _imported(args: list[str], tmp_path: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=120,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), done.stderr
    heavy: list[str] = report["heavy"]
    return heavy


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["routes", "--profile", PROFILE, "--target", "eerstegraads:natuurkunde"],
        ["routes", "--profile", PROFILE],
        ["explain", "--profile", PROFILE, "--target", "eerstegraads:natuurkunde"],
        ["routes", "--profile", PROFILE, "--target", "po", "--format", "json"],
    ],
    ids=["version", "routes-targeted", "routes-untargeted", "explain", "routes-json"],
)
def test_answering_commands_import_neither_networkx_nor_graphviz(args: list[str], tmp_path: Path) -> None:
    assert _imported(args, tmp_path) == []


def test_drawing_an_overview_imports_both(tmp_path: Path) -> None:
    # the check above can fail: a command that draws does load them
    out = tmp_path / "overview.dot"
    assert sorted(_imported(["diagram", "po", "-o", str(out)], tmp_path)) == sorted(HEAVY)
    assert out.read_text(encoding="utf-8").startswith("digraph")
