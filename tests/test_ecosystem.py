"""Conventions of the ecosystem: the command line, notebooks, dataframes, versions in every answer."""

from __future__ import annotations

import argparse
import datetime as dt
import html.parser
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import leraarroutes as lr
from leraarroutes import batch
from leraarroutes.cli import build_parser, main
from leraarroutes.engine import batch as engine_batch
from leraarroutes.testing.strategies import profiles
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "profiles"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def command(
    *argv: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leraarroutes", *argv],
        input=stdin, capture_output=True, text=True, cwd=ROOT, env=env or ENV, timeout=120, check=False,
    )  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --- standard input and output --------------------------------------------------------------


def test_a_profile_on_standard_input_gives_the_answer_of_the_file() -> None:
    """``--profile -`` reads the profile from standard input; the answer is the file's."""
    path = EXAMPLES / "ingenieur.yaml"
    options = ("--target", "eerstegraads:natuurkunde", "--as-of", "2024-01-01", "--format", "json")
    piped = command("routes", "--profile", "-", *options, stdin=path.read_text(encoding="utf-8"))
    named = command("routes", "--profile", str(path), *options)
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["routes"] == json.loads(named.stdout)["routes"]


def test_batch_reads_standard_input_and_writes_standard_output() -> None:
    """``batch - -o -``: CSV in, the header line and one line per person out, nothing on stdout but them."""
    rows = "id,diplomas\n1,vwo\n2,hbo-bachelor:pabo\n"
    done = command("batch", "-", "-o", "-", "--target", "po", "--as-of", "2024-01-01", "--quiet", stdin=rows)
    assert done.returncode == 0, done.stderr
    head, *lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert head["target"] == "po"
    assert head["leraarroutes_version"] == lr.__version__
    assert [line["id"] for line in lines] == ["1", "2"]


def test_a_diagram_goes_to_standard_output_in_the_format_asked() -> None:
    """``diagram NAME -o - --to svg`` writes SVG to stdout; without -o it is DOT, as before."""
    svg = command("diagram", "academische-po-routes", "-o", "-", "--to", "svg", "--as-of", "2024-01-01")
    assert svg.returncode == 0, svg.stderr
    assert "<svg" in svg.stdout
    dot = command("diagram", "academische-po-routes", "--as-of", "2024-01-01")
    assert dot.stdout.startswith("digraph")
    mismatch = command("diagram", "academische-po-routes", "-o", "x.png", "--to", "svg", "--lang", "en")
    assert mismatch.returncode == 2
    assert "--to svg does not match the suffix .png" in mismatch.stderr


def test_extra_takes_one_file_and_leaves_the_positional_argument(tmp_path: Path) -> None:
    """``batch --extra FILE PROFILES`` reads FILE as a catalogue and PROFILES as the profiles."""
    extra = ROOT / "examples" / "catalogus" / "voorbeeld.yaml"
    rows = tmp_path / "mensen.csv"
    rows.write_text("id,diplomas\n1,vwo\n", encoding="utf-8")
    out = tmp_path / "uit.jsonl"
    done = command("batch", "--extra", str(extra), str(rows), "-o", str(out), "--as-of", "2024-01-01", "--quiet")
    assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    twice = command("catalogue", "--extra", str(extra), "--extra", str(extra))
    assert twice.returncode == 2  # the same programmes twice: both files were read


# --- one language per run -------------------------------------------------------------------


def test_help_is_dutch_by_default_and_english_when_asked() -> None:
    """``--help`` in Dutch; ``--lang en`` or an English locale make it English, argparse's words too."""
    dutch = command("--help")
    assert dutch.stdout.startswith("gebruik: leraarroutes")
    assert "opties:" in dutch.stdout
    assert "toon deze hulp en stop" in dutch.stdout
    for english in (command("--lang", "en", "--help"), command("--help", env={**ENV, "LANG": "en_GB.UTF-8"})):
        assert english.stdout.startswith("usage: leraarroutes")
        assert "show this help message and exit" in english.stdout
        assert "gebruik" not in english.stdout
    routes = command("routes", "--help", "--lang", "en")
    assert "case does not matter" in " ".join(routes.stdout.split())


def _actions(parser: argparse.ArgumentParser, where: str = "") -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _actions(sub, f"{where} {name}")
        else:
            found.append((where, action))
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_option_of_every_command_has_help(lang: str) -> None:
    """No option without a sentence, in either language; and the two languages differ."""
    missing = [f"{where} {a.dest}" for where, a in _actions(build_parser(lang)) if not (a.help or "").strip()]
    assert missing == []
    nl = {(w, a.dest): a.help for w, a in _actions(build_parser("nl"))}
    en = {(w, a.dest): a.help for w, a in _actions(build_parser("en"))}
    assert nl.keys() == en.keys()
    same = [key for key in nl if nl[key] == en[key] and key[1] != "help"]
    assert same == []


def test_messages_speak_the_language_of_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    """The frame and the phrases of a message in Dutch by default; English with --lang en."""
    code, _, err = run(capsys, "routes", "--profile", "/does/not/exist.yaml")
    assert code == 2
    assert err == "leraarroutes: profiel: /does/not/exist.yaml: bestand bestaat niet\n"
    code, _, err = run(capsys, "--lang", "en", "routes", "--profile", "/does/not/exist.yaml")
    assert err == "leraarroutes: profile: /does/not/exist.yaml: no such file\n"


# --- completion -----------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_is_generated_from_the_parser(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``completion SHELL`` prints a script naming every command and the options of one."""
    code, out, _ = run(capsys, "completion", shell)
    assert code == 0
    for word in ("routes", "batch", "diagram", "explain", "persoonlijk"):
        assert word in out, word
    if shell != "tcsh":  # tcsh's script completes commands and choices, not option names
        for option in ("--target", "--profile", "--as-of"):
            assert option in out, option


# --- targets --------------------------------------------------------------------------------


def _json_routes(capsys: pytest.CaptureFixture[str], target: str) -> Any:
    code, out, err = run(
        capsys, "routes", "--profile", str(EXAMPLES / "ingenieur.yaml"), "--target", target,
        "--as-of", "2024-01-01", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    return json.loads(out)["routes"]


def test_targets_are_read_whatever_their_case(capsys: pytest.CaptureFixture[str]) -> None:
    """``PO``, ``Eerstegraads:Natuurkunde`` and ``VMBO`` answer as their lower-case forms."""
    assert _json_routes(capsys, "PO") == _json_routes(capsys, "po")
    assert _json_routes(capsys, " Eerstegraads:Natuurkunde ") == _json_routes(capsys, "eerstegraads:natuurkunde")
    assert _json_routes(capsys, "VMBO") == _json_routes(capsys, "vmbo")


def test_a_kind_without_its_subject_says_how_to_write_it(capsys: pytest.CaptureFixture[str]) -> None:
    """``--target tweedegraads`` names the form with a subject; never "not None"."""
    code, _, err = run(capsys, "routes", "--profile", str(EXAMPLES / "ingenieur.yaml"), "--target", "tweedegraads")
    assert code == 2
    assert "tweedegraads:wiskunde" in err
    assert "None" not in err
    code, _, err = run(capsys, "--lang", "en", "explain", "--profile", str(EXAMPLES / "ingenieur.yaml"),
                       "--target", "eerstgraads:biologie")  # fmt: skip
    assert "did you mean 'eerstegraads'" in err


# --- every problem of a file ----------------------------------------------------------------


def test_every_problem_of_a_file_is_reported_at_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three mistakes on lines 3, 5 and 6: three lines of stderr, each naming its line and field."""
    bad = tmp_path / "p.yaml"
    bad.write_text(
        "description: drie fouten\ndiplomas:\n  - level: hbo\n  - level: vwo\n    programme: 5\nstudying: 3\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--lang", "en", "validate", str(bad))
    assert code == 2
    lines = err.splitlines()
    assert [line.split(": ")[2] for line in lines] == [f"{bad}:3", f"{bad}:5", f"{bad}:6"]
    assert "$.diplomas[0].level" in lines[0]
    assert "$.diplomas[1].programme" in lines[1]
    assert "$.studying" in lines[2]
    with pytest.raises(lr.ProfileError) as caught:
        lr.load_profile(bad)
    assert [p.line for p in caught.value.problems] == [3, 5, 6]


def test_a_misspelt_field_is_one_problem_not_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``levle`` is an unknown field; the "missing level" it causes is not reported beside it."""
    bad = tmp_path / "p.yaml"
    bad.write_text("diplomas:\n  - levle: vwo\n", encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "validate", str(bad))
    assert code == 2
    assert err.count("\n") == 1
    assert "did you mean 'level'" in err


def test_a_diploma_year_after_the_question_is_warned_of(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The answer is given, with one warning on stderr naming the diploma and both years."""
    person = tmp_path / "p.yaml"
    person.write_text("diplomas:\n  - level: vwo\n    year: 2031\n", encoding="utf-8")
    code, out, err = run(capsys, "routes", "--profile", str(person), "--target", "po", "--as-of", "2026-12-01")
    assert code == 0
    assert "Route 1" in out
    said = f"{person}: diplomas[0] (vwo) behaald in 2031, na de peildatum 2026-12-01: klopt het jaar?"
    assert err == f"leraarroutes: waarschuwing: {said}\n"
    code, _, err = run(capsys, "routes", "--profile", str(person), "--target", "po", "--as-of", "2031-12-01")
    assert err == ""


# --- versions in every JSON answer ----------------------------------------------------------


def test_every_json_output_names_the_package_and_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    """routes, explain, catalogue and degree in JSON all carry the three version fields."""
    catalogue = lr.load_catalogue()
    expected = {
        "leraarroutes_version": lr.__version__,
        "catalogue_version": catalogue.version,
        "catalogue_date": catalogue.sources_date,
    }
    profile = str(EXAMPLES / "ingenieur.yaml")
    for argv in (
        ("routes", "--profile", profile, "--target", "po", "--format", "json"),
        ("explain", "--profile", profile, "--target", "eerstegraads:natuurkunde", "--format", "json"),
        ("catalogue", "--format", "json"),
        ("degree", "psychologie", "--format", "json"),
    ):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        answer = json.loads(out)
        assert {k: answer[k] for k in expected} == expected, argv[0]
    assert catalogue.sources_date == "2025-02"  # the register export, read in February 2025


def test_a_catalogue_file_read_in_the_future_is_refused(tmp_path: Path) -> None:
    """``retrieved`` is a date or a month, not after today."""
    extra = tmp_path / "x.yaml"
    extra.write_text("retrieved: 2999-01\n", encoding="utf-8")
    with pytest.raises(lr.CatalogueError, match="read on 2999-01, a date in the future"):
        lr.load_catalogue(extra)
    extra.write_text("retrieved: 2024-13\n", encoding="utf-8")
    with pytest.raises(lr.CatalogueError, match="retrieved must be a date"):
        lr.load_catalogue(extra)


# --- notebooks ------------------------------------------------------------------------------


class _Checker(html.parser.HTMLParser):
    """Counts tables and cells and checks every element is closed."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _ = attrs
        self.open.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag


def _shown(obj: object) -> _Checker:
    text = obj._repr_html_()  # type: ignore[attr-defined]
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert checker.open == []
    assert "script" not in checker.tags
    return checker


def test_every_answer_type_displays_as_an_html_table_in_a_notebook() -> None:
    """Route, Routes, Profile, Explanation, Blocked and Catalogue each give well-formed HTML with a table."""
    catalogue = lr.load_catalogue()
    person = lr.load_profile(EXAMPLES / "ingenieur.yaml")
    routes = lr.find_routes(catalogue, person, "eerstegraads:natuurkunde", as_of=AS_OF)
    why = lr.explain(catalogue, person, "eerstegraads:natuurkunde", as_of=AS_OF)
    assert isinstance(routes, lr.Routes)
    assert isinstance(why, lr.Explanation)
    assert routes
    assert why
    for shown in (routes[0], routes, person, why, why[0], catalogue):
        assert "table" in _shown(shown).tags, type(shown).__name__
    assert _shown(routes).tags.count("tr") == len(routes) + 1
    assert _shown(catalogue).tags.count("tr") == len(catalogue.programmes) + 1
    english = lr.find_routes(catalogue, person, "eerstegraads:natuurkunde", as_of=AS_OF, lang="en")
    assert "months" in english._repr_html_()


def test_markup_in_a_profile_is_shown_as_text() -> None:
    """A description holding a script tag is escaped in the notebook display."""
    person = lr.Profile(description="<script>alert(1)</script>", diplomas=(lr.Diploma(level=lr.Level.VWO),))
    text = person._repr_html_()
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    _shown(person)


def test_the_package_docstring_is_a_short_useful_overview() -> None:
    """``help(leraarroutes)`` opens with what the package does and how to start."""
    doc = lr.__doc__ or ""
    assert 10 <= len(doc.splitlines()) <= 60
    for word in ("find_routes", "load_profile", "explain", "leraarroutes routes"):
        assert word in doc


# --- dataframes -----------------------------------------------------------------------------


def test_evaluate_chunk_answers_each_distinct_situation_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk of 60 rows holding 3 situations runs 3 searches, with the answers of 60."""
    catalogue = lr.load_catalogue()
    levels = (lr.Level.VWO, lr.Level.HAVO, lr.Level.MBO_4)
    people = [lr.Profile(diplomas=(lr.Diploma(level=level),)) for level in levels]
    chunk = people * 20
    expected = [batch.evaluate_chunk(catalogue, [p], "po", as_of=AS_OF)[0] for p in people] * 20
    calls = []
    real = engine_batch._summaries

    def counting(*args: Any, **kwargs: Any) -> Any:
        answer = real(*args, **kwargs)

        def counted(profile: lr.Profile) -> Any:
            calls.append(profile)
            return answer(profile)

        return counted

    monkeypatch.setattr(engine_batch, "_summaries", counting)
    assert batch.evaluate_chunk(catalogue, chunk, "po", as_of=AS_OF) == expected
    assert len(calls) == 3


def _csv_profiles() -> st.SearchStrategy[lr.Profile]:
    """Profiles the batch columns can hold: no studies, CROHO codes, years, study form or offers."""

    def fits(person: lr.Profile) -> bool:
        try:
            batch.row_from_profile(person)
        except lr.InputError:
            return False
        return True

    return profiles().filter(fits)


@settings(max_examples=60, deadline=None)
@given(_csv_profiles())
def test_a_profile_through_its_row_comes_back_equal(person: lr.Profile) -> None:
    """``profile_from_row(row_from_profile(p)) == p`` for every profile the columns can hold."""
    row = batch.row_from_profile(person)
    assert set(row) <= set(batch.CSV_COLUMNS)
    assert batch.profile_from_row({"id": "x", **row}) == person


def test_a_profile_the_columns_cannot_hold_is_refused_by_name() -> None:
    """A study in progress and a diploma year would be dropped silently: refused, naming both."""
    person = lr.Profile(
        diplomas=(lr.Diploma(level=lr.Level.VWO, year=2010),),
        studying=(lr.Study(level=lr.Level.HBO_BACHELOR),),
    )
    with pytest.raises(lr.InputError, match=r"cannot hold studying, diplomas\[\]\.year"):
        batch.row_from_profile(person)
    with pytest.raises(lr.ProfileError, match="unknown columns 'naam'"):
        batch.profile_from_row({"id": "1", "naam": "Sanne"})


def _cohort_through_batch(tmp_path: Path, people: int) -> tuple[Path, Path]:
    """A realistic cohort (benchmarks/cohort.py) and the file ``leraarroutes batch --target po`` writes for it."""
    import importlib

    sys.path.insert(0, str(ROOT / "benchmarks"))
    cohort = tmp_path / "cohort.csv"
    importlib.import_module("cohort").realistic_csv(cohort, people)
    out = tmp_path / "batch.jsonl"
    assert main(["batch", str(cohort), "-o", str(out), "--target", "po", "--as-of", "2024-01-01", "--quiet"]) == 0
    return cohort, out


def test_a_record_batch_gives_the_lines_of_the_batch_command(tmp_path: Path) -> None:
    """evaluate_record_batch's ``line`` column is, row for row, what ``leraarroutes batch`` writes."""
    cohort, out = _cohort_through_batch(tmp_path, 300)
    written = out.read_text(encoding="utf-8").splitlines()[1:]
    import pyarrow.csv as pacsv

    table = pacsv.read_csv(cohort, convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(
        ["id", "diplomas", "exam_subjects", "job_sector", "job_subject", "work_experience_years", "subject_ec"],
        pa.string())))  # fmt: skip
    lines = []
    for part in table.to_batches(max_chunksize=100):
        answer = batch.evaluate_record_batch(lr.load_catalogue(), part, "po", as_of=dt.date(2024, 1, 1))
        assert answer.column_names == ["id", "routes", "line"]
        lines += answer.column("line").to_pylist()
    assert lines == written


def test_the_polars_example_gives_the_lines_of_the_batch_command(tmp_path: Path) -> None:
    """The Polars example on 400 people writes the same bytes as ``leraarroutes batch``, header included."""
    cohort, ours = _cohort_through_batch(tmp_path, 400)
    theirs = tmp_path / "polars.jsonl"
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "polars_cohort.py"), "--cohort", str(cohort), "--out", str(theirs)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: 400 people")
    assert theirs.read_bytes() == ours.read_bytes()


def test_the_spark_how_to_maps_record_batches_as_written() -> None:
    """The how-to's ``answer`` function, run without Spark on two record batches, gives one row per person."""
    page = (ROOT / "docs" / "how-to" / "batch.md").read_text(encoding="utf-8")
    block = page.split("```py\n", 1)[1].split("```", 1)[0]
    code = block.split("people = spark", 1)[0]
    names: dict[str, Any] = {}
    exec(compile(code, "batch.md", "exec"), names)  # noqa: S102 - our own documentation's code
    parts = [pa.RecordBatch.from_pydict({"id": ["1", "2"], "diplomas": ["vwo", "havo"]})] * 2
    answers = list(names["answer"](iter(parts)))
    assert [a.num_rows for a in answers] == [2, 2]
    assert answers[0].schema.names == ["id", "routes", "line"]
