"""The docs build: examples shown as code, hooks outside the published tree, a pinned toolchain."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_doctest_examples_are_fenced_as_code() -> None:
    """A run of example lines becomes one pycon block; text around it stays as it was."""
    fence = _module(ROOT / "tools" / "docs" / "doctest_blocks.py").fence_examples
    text = "Summary.\n\n    >>> f(['po'])\n    ['po']\n    >>> g()\n\nAfter.\n>>> h()\n1"
    assert fence(text) == (
        "Summary.\n\n    ```pycon\n    >>> f(['po'])\n    ['po']\n    >>> g()\n    ```\n\nAfter.\n"
        "```pycon\n>>> h()\n1\n```"
    )
    assert fence("No example here.\n\nNone.") == "No example here.\n\nNone."


def test_hooks_live_outside_the_published_tree() -> None:
    """MkDocs publishes docs/; its hooks and extensions must not be in it, nor generated pages."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for hook in config["hooks"]:
        assert not hook.startswith("docs/"), hook
        assert (ROOT / hook).is_file()
    assert not list((ROOT / "docs").rglob("*.py"))
    for generated in ("reference/cli.md", "reference/catalogue.md", "images/sanne.svg"):
        assert not (ROOT / "docs" / generated).exists(), generated
    assert "example.invalid" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_docs_toolchain_is_pinned_and_used_by_ci() -> None:
    """Every package of the docs extra has an exact pin, and CI installs with the pins, strictly, not quietly."""
    pins = dict(
        line.split("==")
        for line in (ROOT / "constraints-docs.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    docs_extra = re.search(r"^docs = \[(.*)\]$", pyproject, re.MULTILINE)
    assert docs_extra is not None
    for requirement in re.findall(r'"([A-Za-z0-9_.-]+)', docs_extra.group(1)):
        assert requirement.lower() in {name.lower() for name in pins}, requirement
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c constraints-docs.txt" in ci
    build = next(line for line in ci.splitlines() if "mkdocs build" in line)
    assert "--strict" in build
    assert "--quiet" not in build
    assert " -q" not in build
