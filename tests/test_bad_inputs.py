"""Malformed and hostile files: each gives exit code 2 and one clear line, never a traceback."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import yaml

from leraarroutes import (
    CatalogueError,
    Diploma,
    HasJob,
    InputError,
    Job,
    Level,
    Profile,
    Qualification,
    Rule,
    RuleError,
    Sector,
    UnknownNameError,
    explain,
    find_routes,
    load_catalogue,
    loads,
    overview_mermaid,
    personal_mermaid,
    render,
    save,
    to_digraph,
)
from leraarroutes.cli import main
from leraarroutes.engine import batch
from leraarroutes.rules import describe

HERE = Path(__file__).parent / "bad_inputs"
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def test_every_file_has_a_case_and_there_are_at_least_forty() -> None:
    """The manifest covers every file in the folder, and the folder is not thin."""
    files = {p.name for p in HERE.iterdir() if p.name != "cases.yaml"}
    assert files == {c["file"] for c in CASES if "file" in c}
    assert len(CASES) >= 40


def _argv(case: dict[str, Any], path: str, tmp: Path) -> list[str]:
    if "argv" in case:
        return [str(a).replace("{tmp}", str(tmp)) for a in case["argv"]]
    if case["file"].startswith("cat-"):
        return ["validate", "--kind", "catalogue", path]
    if case["file"].startswith("batch-"):
        return ["batch", path, "-o", str(tmp / "out.jsonl"), "--as-of", "2024-01-01", "--target", "po"]
    if case.get("command") == "routes":
        return ["routes", "--profile", path]
    return ["validate", "--kind", "profile", path]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(["--lang", "en", *argv])  # the manifest's messages are the English ones
    except SystemExit as exc:  # argparse's own errors: usage line, then the message
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    if err.startswith("usage:"):
        err = err.splitlines()[-1] + "\n"
    return code, out, err


def _check(case: dict[str, Any], code: int, out: str, err: str, name: str | None = None) -> None:
    message = case["message"] if name is None else case["message"].replace(case["file"], name)
    assert code == case["exit"], err
    assert "Traceback" not in err
    if case["exit"] == 0:  # a file that must be accepted (a byte order mark): says so on stdout
        assert message in out
        return
    assert message in err
    assert err.count("\n") == 1
    assert len(err) < 1_000  # one readable line, whatever the input held


@pytest.mark.parametrize("case", CASES, ids=[c.get("file") or " ".join(map(str, c["argv"])) for c in CASES])
def test_bad_file_gives_one_clear_message(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The documented exit code, the message fragment, on one line of stderr (usage lines aside)."""
    monkeypatch.chdir(HERE.parents[1])
    path = str(HERE / case["file"]) if "file" in case else ""
    _check(case, *_run(_argv(case, path, tmp_path), capsys))


STDIN_CASES = [c for c in CASES if "file" in c and c["file"].endswith((".yaml", ".csv")) and "command" not in c]


@pytest.mark.parametrize("case", STDIN_CASES, ids=[c["file"] for c in STDIN_CASES])
def test_the_same_file_on_standard_input_gives_the_same_message(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``-`` reads standard input through the same bounded reader; the file is then called <stdin>."""
    monkeypatch.chdir(HERE.parents[1])
    data = (HERE / case["file"]).read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, err = _run(_argv(case, "-", tmp_path), capsys)
    _check(case, code, out, err, name="<stdin>")


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


@pytest.mark.parametrize(
    "call",
    [
        lambda cat: find_routes(cat, Profile(), "po", lang="de"),
        lambda cat: find_routes(cat, Profile(diplomas=(Diploma(level=Level.VWO),)), "po")[0].to_json("EN"),
        lambda cat: to_digraph(cat, "po", lang="fr"),
        lambda cat: overview_mermaid(cat, "po", lang="english"),
        lambda cat: personal_mermaid(cat, Profile(), "po", lang=""),
        lambda _cat: describe(HasJob(sector=Sector.PO), "de"),
        lambda cat: cat.subject("wiskunde").label("de"),
    ],
    ids=["find_routes", "Route.to_json", "to_digraph", "overview_mermaid", "personal_mermaid", "describe", "label"],
)
def test_an_unknown_language_is_an_input_error_naming_the_valid_ones(call: Any) -> None:
    """Never a KeyError from a table of words, never Dutch silently in place of another language."""
    with pytest.raises(InputError, match=r"unknown language .*; valid: nl, en"):
        call(load_catalogue())


def test_plain_data_instead_of_a_profile_says_how_to_make_one() -> None:
    """A dict from a web form is the likely mistake; the error names the way to read it."""
    with pytest.raises(InputError, match=r"expected a Profile, not dict; read one with leraarroutes\.loads"):
        find_routes(load_catalogue(), {"diplomas": [{"level": "vwo"}]}, "po")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a Profile"):
        explain(load_catalogue(), {"diplomas": []}, "po")  # type: ignore[arg-type]


def test_a_target_subject_the_catalogue_does_not_know_is_named_not_answered_with_nothing() -> None:
    """'tweedegraads:wiskund' gave no routes, as if there were none; now it names 'wiskunde'."""
    catalogue = load_catalogue()
    vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    expected = r"target tweedegraads:wiskund: unknown subject 'wiskund'; did you mean 'wiskunde'\?"
    with pytest.raises(UnknownNameError, match=expected):
        find_routes(catalogue, vwo, "tweedegraads:wiskund")
    with pytest.raises(UnknownNameError, match="unknown subject 'wiskund'"):
        explain(catalogue, vwo, "eerstegraads:wiskund")
    with pytest.raises(UnknownNameError, match="unknown subject 'wiskund'"):
        list(batch.evaluate(catalogue, [("a", vwo)], "tweedegraads:wiskund", as_of=dt.date(2024, 1, 1)))


def test_a_day_that_is_not_a_date_is_named_and_a_datetime_counts_as_its_date() -> None:
    """'2024-01-01' as a text was a TypeError from comparing dates; a datetime one too."""
    catalogue = load_catalogue()
    vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    with pytest.raises(InputError, match=r"as_of must be a date such as datetime.date\(2024, 1, 1\), not str"):
        find_routes(catalogue, vwo, "po", as_of="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="as_of must be a date"):
        to_digraph(catalogue, "po", as_of="2024")  # type: ignore[arg-type]
    at_noon = find_routes(catalogue, vwo, "po", as_of=dt.datetime(2024, 1, 1, 12, 0))  # noqa: DTZ001 - a naive time of day
    assert at_noon == find_routes(catalogue, vwo, "po", as_of=dt.date(2024, 1, 1))


def test_batch_chunks_of_plain_data_say_how_to_make_profiles() -> None:
    """evaluate_chunk over dicts (a dataframe's rows) names the mistake, not an AttributeError."""
    with pytest.raises(InputError, match="expected a Profile, not dict"):
        batch.evaluate_chunk(load_catalogue(), [{"diplomas": []}], "po", as_of=dt.date(2024, 1, 1))  # type: ignore[list-item]


def test_writing_into_a_folder_that_does_not_exist_names_the_file(tmp_path: Path) -> None:
    """save and render: an InputError with the path, never an OSError from a temporary file."""
    missing = tmp_path / "nog-niet" / "p.yaml"
    with pytest.raises(InputError, match=r"nog-niet/p.yaml: cannot write here: No such file or directory"):
        save(Profile(), missing)
    with pytest.raises(InputError, match=r"nog-niet/po.dot: cannot write here"):
        render(to_digraph(load_catalogue(), "po"), tmp_path / "nog-niet" / "po.dot")


def test_built_in_python_an_enum_field_takes_its_text_and_a_wrong_text_names_the_valid_ones() -> None:
    """Diploma(level="vwo") is Diploma(level=Level.VWO); a wrong text lists the choices, close ones first."""
    assert Diploma(level="vwo") == Diploma(level=Level.VWO)
    assert HasJob(sector="po") == HasJob(sector=Sector.PO)
    with pytest.raises(ValueError, match=r"'eerstegraad' is not a QualificationKind; valid: po, .*did you mean"):
        Qualification(kind="eerstegraad", subject="wiskunde")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Sector or its text, not int 3"):
        Job(sector=3)  # type: ignore[arg-type]
