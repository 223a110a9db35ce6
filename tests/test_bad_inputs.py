"""Malformed and hostile files: each gives exit code 2 and one clear line, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from leraarroutes import CatalogueError, InputError, Profile, Rule, RuleError, load_catalogue, loads
from leraarroutes.cli import main

HERE = Path(__file__).parent / "bad_inputs"
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def test_every_file_has_a_case_and_there_are_at_least_forty() -> None:
    """The manifest covers every file in the folder, and the folder is not thin."""
    files = {p.name for p in HERE.iterdir() if p.name != "cases.yaml"}
    assert files == {c["file"] for c in CASES if "file" in c}
    assert len(CASES) >= 40


def _argv(case: dict[str, Any]) -> list[str]:
    if "argv" in case:
        return [str(a) for a in case["argv"]]
    path = str(HERE / case["file"])
    if case["file"].startswith("cat-"):
        return ["validate", "--kind", "catalogue", path]
    if case.get("command") == "routes":
        return ["routes", "--profile", path]
    return ["validate", "--kind", "profile", path]


@pytest.mark.parametrize("case", CASES, ids=[c.get("file") or " ".join(map(str, c["argv"])) for c in CASES])
def test_bad_file_gives_one_clear_message(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documented exit code, the message fragment, on one line of stderr (usage lines aside)."""
    monkeypatch.chdir(HERE.parents[1])
    try:
        code = main(_argv(case))
    except SystemExit as exc:  # argparse's own errors: usage line, then the message
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    if err.startswith("usage:"):
        err = err.splitlines()[-1] + "\n"
    assert code == case["exit"]
    assert case["message"] in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_a_malformed_rule_read_alone_is_a_rule_error_and_in_a_catalogue_a_catalogue_error() -> None:
    """RuleError for a rule on its own; inside a catalogue file the same mistake names the file."""
    with pytest.raises(RuleError, match=r"\$\.all\[1\]: unknown rule 'diplom'"):
        loads("{all: [{job: {sector: po}}, {diplom: {levels: [vwo]}}]}", Rule, "yaml")  # type: ignore[type-abstract]
    with pytest.raises(InputError) as profile_error:
        loads("subject_ec: {wiskunde: veel}", Profile, "yaml")
    assert not isinstance(profile_error.value, RuleError)
    source = HERE / "cat-unknown-rule.yaml"
    with pytest.raises(CatalogueError) as in_catalogue:
        load_catalogue(source)
    assert not isinstance(in_catalogue.value, RuleError)
