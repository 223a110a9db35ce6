"""The documentation tells the truth: README code runs and prints what it shows; the glossary is complete."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from leraarroutes import ProgrammeKind

ROOT = Path(__file__).resolve().parents[1]


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


@pytest.mark.parametrize("block", _python_blocks((ROOT / "README.md").read_text(encoding="utf-8")))
def test_readme_python_examples_print_what_they_show(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each README block runs from the repository root; its `# ` lines are the exact output."""
    monkeypatch.chdir(ROOT)
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - running our own documentation
    assert out.getvalue().splitlines() == expected


def test_readme_setup_commands_come_first_and_are_two() -> None:
    """The set-up section gives exactly two console commands, the second being the test command."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```console\n(.*?)\n```", setup, flags=re.DOTALL)
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_glossary_names_every_programme_kind() -> None:
    """Every kind used in output and diagrams has a gloss."""
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert [k.value for k in ProgrammeKind if f"| {k.value} |" not in glossary] == []
