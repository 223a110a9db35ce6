"""The documentation tells the truth: README code runs and prints what it shows; the glossary is complete."""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import pkgutil
import re
from pathlib import Path

import pytest

import leraarroutes
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


DOC_PAGES = sorted((ROOT / "docs").rglob("*.md"))


def console_commands(text: str, program: str) -> list[tuple[str, str]]:
    """(command, shown output) for each ``$ program …`` in the console blocks of a page."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith(f"$ {program} "):
                output = []
                for rest in lines[i + 1 :]:
                    if rest.startswith("$ "):
                        break
                    output.append(rest)
                found.append((line[2:], "\n".join(output).rstrip()))
    return found


def _console_examples(text: str) -> list[tuple[str, str]]:
    """(command, shown output) for each `$ leraarroutes …` in a console block."""
    # serve runs until stopped: tests/test_web_docs.py starts it and asks it what the page shows
    return [(c, out) for c, out in console_commands(text, "leraarroutes") if not c.startswith("leraarroutes serve")]


CONSOLE = [
    (page.name, cmd, out) for page in DOC_PAGES for cmd, out in _console_examples(page.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(("page", "command", "shown"), CONSOLE, ids=[f"{p}: {c[:60]}" for p, c, _ in CONSOLE])
def test_docs_commands_give_the_output_they_show(  # noqa: PLR0917 - parametrised arguments and fixtures
    page: str,
    command: str,
    shown: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each `$ leraarroutes …` in the docs exits 0 and prints exactly what the page shows."""
    import shlex

    from leraarroutes.cli import main

    monkeypatch.chdir(ROOT)
    # files the commands write go to a temporary folder, never into the repository
    outputs = (".svg", ".png", ".pdf", ".dot", ".mmd", ".jsonl")
    argv = [str(tmp_path / a) if a.endswith(outputs) else a for a in shlex.split(command)[1:]]
    assert main(argv) == 0, page
    assert capsys.readouterr().out.rstrip() == shown


DOC_PYTHON = [(page.name, block) for page in DOC_PAGES for block in _python_blocks(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("page", "block"), DOC_PYTHON, ids=[p for p, _ in DOC_PYTHON])
def test_docs_python_examples_print_what_they_show(page: str, block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python blocks in the docs run and print their `# ` lines."""
    assert page.endswith(".md")
    test_readme_python_examples_print_what_they_show(block, monkeypatch)


def _executed_code() -> str:
    """All code the test suite runs as documentation: doctests, README and docs blocks, examples."""
    pieces = [
        block for page in [ROOT / "README.md", *DOC_PAGES] for block in _python_blocks(page.read_text(encoding="utf-8"))
    ]
    pieces += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.py"))]
    for info in pkgutil.walk_packages(leraarroutes.__path__, prefix="leraarroutes."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        objects = [module, *vars(module).values()]
        objects += [v for o in list(objects) if inspect.isclass(o) for v in vars(o).values()]
        for obj in objects:
            doc = getattr(obj, "__doc__", None)
            if isinstance(doc, str):
                pieces += [line for line in doc.splitlines() if line.strip().startswith((">>>", "..."))]
    return "\n".join(pieces)


def test_every_public_class_and_function_is_used_in_an_example_that_runs() -> None:
    """Each exported class and function shows up in a doctest, a README or docs block, or an example."""
    code = _executed_code()
    unused = [
        name
        for name in leraarroutes.__all__
        if callable(getattr(leraarroutes, name)) and not re.search(rf"\b{name}\b", code)
    ]
    assert unused == []
