"""The second round of hostile input: files that are no files, signals, full or closed outputs,
concurrent writers, dense and self-referential catalogues, arguments of the wrong type, and a
fuzzer that draws what the first one could not (control characters, surrogates, huge numbers,
deep nesting, repeated keys, byte order marks)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import leraarroutes
from leraarroutes import (
    Diploma,
    InputError,
    LeraarroutesError,
    Level,
    Profile,
    Qualification,
    find_routes,
    load_catalogue,
    loads,
    overview_mermaid,
)
from leraarroutes.catalogue.loading import atomic_writer
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]
HAVO = Profile(diplomas=(Diploma(level=Level.HAVO),))


def _command(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """``leraarroutes ARGS`` in a fresh process, from the repository root, with this package first."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **options.pop("env", {})}
    return subprocess.run(
        [sys.executable, "-m", "leraarroutes", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=options.pop("timeout", 120), check=False, **options,
    )  # fmt: skip


# --- names that are no regular file ---------------------------------------------------------


def test_a_fifo_is_refused_at_once_for_every_reader(tmp_path: Path) -> None:
    """A named pipe behind a profile, a catalogue, a batch file or an output: refused, never waited on."""
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    csv_fifo = tmp_path / "pijp.csv"
    os.mkfifo(csv_fifo)
    parquet_fifo = tmp_path / "pijp.parquet"
    os.mkfifo(parquet_fifo)
    calls = [
        ("validate", str(fifo)),
        ("routes", "--profile", str(fifo), "--target", "po"),
        ("routes", "--profile", "examples/profiles/havist.yaml", "--extra", str(fifo)),
        ("batch", str(csv_fifo), "-o", str(tmp_path / "uit.jsonl")),
        ("batch", str(parquet_fifo), "-o", str(tmp_path / "uit.jsonl")),
        ("batch", "examples/cohort.csv", "-o", str(fifo), "--target", "po"),
    ]
    for call in calls:
        result = _command(*call, timeout=60)  # a reader that waited on the pipe would time out here
        assert result.returncode == 2, (call, result.stderr)
        assert "FIFO" in result.stderr or "not a regular file" in result.stderr, (call, result.stderr)
        assert result.stderr.count("\n") == 1
    assert fifo.exists()
    assert not fifo.is_file()


def test_reading_stops_at_the_limit_whatever_stat_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """An endless standard input is read only to the limit, then refused."""

    class Endless:
        def read(self, size: int) -> bytes:
            return b"a" * size

    class Stdin:
        buffer = Endless()

    monkeypatch.setattr("sys.stdin", Stdin())
    with pytest.raises(InputError, match="more than 5,000,000 bytes"):
        leraarroutes.load_profile("-")


def test_a_profile_from_standard_input_gives_the_same_routes() -> None:
    """``--profile -`` reads standard input; the answer is the one of the file."""
    text = (ROOT / "examples/profiles/havist.yaml").read_text(encoding="utf-8")
    by_file = _command(
        "routes", "--profile", "examples/profiles/havist.yaml", "--target", "po", "--as-of", "2024-01-01"
    )
    by_stdin = _command("routes", "--profile", "-", "--target", "po", "--as-of", "2024-01-01", input=text)
    assert by_file.returncode == by_stdin.returncode == 0, by_stdin.stderr
    assert by_stdin.stdout == by_file.stdout


# --- signals, closed and full outputs, the locale --------------------------------------------


def _big_cohort(path: Path, rows: int = 40_000) -> None:
    lines = ["id,diplomas,work_experience_years"]
    lines += [f"{i},wo-master:Opleiding {i % 997};havo,{i % 30}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("sent", "code", "said"), [(signal.SIGTERM, 143, "beëindigd"), (signal.SIGINT, 130, "onderbroken")]
)
def test_a_signal_mid_batch_exits_with_one_line_and_leaves_no_temporary_file(
    tmp_path: Path, sent: signal.Signals, code: int, said: str
) -> None:
    """SIGTERM exits 143 and Ctrl-C 130, each with one line; the old output stays, no .tmp is left."""
    cohort = tmp_path / "groot.csv"
    _big_cohort(cohort)
    out = tmp_path / "uit.jsonl"
    out.write_text("vorige uitvoer\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "leraarroutes", "batch", str(cohort), "-o", str(out), "--as-of", "2024-01-01"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".uit.jsonl.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)  # wait until the batch writes its temporary file
    assert process.poll() is None, "the batch ended before it could be stopped; make the cohort larger"
    process.send_signal(sent)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert err.strip().splitlines()[-1] == f"leraarroutes: {said}"
    assert "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "vorige uitvoer\n"
    assert list(tmp_path.glob(".*.tmp")) == []


def test_output_into_a_closed_pipe_or_a_full_device_exits_cleanly() -> None:
    """`| head` ends quietly with 0; /dev/full says so in one line with 1; never a traceback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    head = subprocess.Popen(
        [sys.executable, "-m", "leraarroutes", "catalogue"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert head.stdout is not None
    head.stdout.read(10)
    head.stdout.close()  # what `| head -c 10` does once it has its ten bytes
    _, err = head.communicate(timeout=120)
    assert head.returncode == 0
    assert b"Traceback" not in err
    assert b"Exception" not in err
    if Path("/dev/full").exists():
        with Path("/dev/full").open("w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "leraarroutes", "catalogue"], cwd=ROOT, env=env, stdout=full,
                stderr=subprocess.PIPE, text=True, timeout=120, check=False,
            )  # fmt: skip
        assert result.returncode == 1
        assert result.stderr == "leraarroutes: fout: kan de uitvoer niet schrijven: No space left on device\n"
    closing = (
        "import os, sys; os.close(1); os.execv(sys.executable, [sys.executable, '-m', 'leraarroutes', 'catalogue'])"
    )
    closed = subprocess.run(
        [sys.executable, "-c", closing], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert closed.returncode == 1
    assert closed.stderr == "leraarroutes: fout: standaarduitvoer is gesloten\n"


def test_an_ascii_locale_still_gets_utf8_answers() -> None:
    """With an ASCII-only standard output the names with ë and é are written as UTF-8, not refused."""
    result = _command(
        "routes", "--profile", "examples/profiles/havist.yaml", "--target", "po", "--as-of", "2024-01-01",
        env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


# --- concurrent writers ------------------------------------------------------------------------


def test_two_batches_writing_one_output_never_mix(tmp_path: Path) -> None:
    """Two runs into the same -o: the file is whole, the lines of one run only, never interleaved."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    _big_cohort(first, 6_000)
    rows = first.read_text(encoding="utf-8").splitlines()
    second.write_text("\n".join([rows[0], *(f"b{row}" for row in rows[1:])]) + "\n", encoding="utf-8")
    out = tmp_path / "uit.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "leraarroutes",
                "batch",
                str(source),
                "-o",
                str(out),
                "--quiet",
                "--target",
                "po",
                "--as-of",
                "2024-01-01",
            ],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for source in (first, second)
    ]
    errors = [run.communicate(timeout=300)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    head, *lines = out.read_text(encoding="utf-8").splitlines()
    assert "id" not in json.loads(head)  # the header line: what the answers came from
    ids = [json.loads(line)["id"] for line in lines]
    assert len(ids) == 6_000
    assert len({row_id.startswith("b") for row_id in ids}) == 1, "lines of both runs in one file"
    assert list(tmp_path.glob(".*.tmp")) == []


def test_an_output_linked_to_an_input_is_refused(tmp_path: Path) -> None:
    """A hard link to the profiles file is the same file: refused by inode, not only by name."""
    cohort = tmp_path / "cohort.csv"
    cohort.write_bytes((ROOT / "examples/cohort.csv").read_bytes())
    link = tmp_path / "uit.jsonl"
    os.link(cohort, link)
    with pytest.raises(InputError, match="refusing to write over an input file"), atomic_writer(link, inputs=[cohort]):
        pass
    assert cohort.read_bytes() == (ROOT / "examples/cohort.csv").read_bytes()


# --- work bounds -------------------------------------------------------------------------------


def _dense_catalogue(path: Path, size: int) -> None:
    """``size`` programmes that each may follow any other (a decision opens them too), one goal."""
    programmes = [
        {"id": "doel", "kind": "pabo", "name": "Doel", "sector": "po", "level": "hbo", "ec": 30,
         "durations": [{"form": "voltijd", "months": 6}],
         "entry": {"completed": {"programmes": [f"stap{j}" for j in range(size)]}},
         "grants": {"qualifications": ["po"]}, "sources": [{"url": "https://example.org/"}]},
    ]  # fmt: skip
    for i in range(size):
        others = [f"stap{j}" for j in range(size) if j != i]
        programmes.append(
            {"id": f"stap{i}", "kind": "pabo-verkort", "name": f"Stap {i}", "sector": "po", "level": "hbo", "ec": 30,
             "durations": [{"form": "voltijd", "months": 6}],
             "entry": {"any": [{"completed": {"programmes": others}}, {"decision": {"by": "de school", "note": "t"}}]},
             "grants": {"diplomas": [{"level": "hbo-propedeuse"}]}, "sources": [{"url": "https://example.org/"}]}
        )  # fmt: skip
    path.write_text(json.dumps({"title": "dicht", "programmes": programmes}), encoding="utf-8")


_BOUNDED = """
import datetime as dt, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB: a search past it fails here
import leraarroutes as lr
catalogue = lr.load_catalogue(sys.argv[1], shipped=False)
person = lr.Profile(diplomas=(lr.Diploma(level="havo"),))
for steps in (6, 12):
    for target in ("po", None):
        try:
            found = len(lr.find_routes(catalogue, person, target, as_of=dt.date(2024, 1, 1), max_steps=steps))
        except lr.SearchLimitError:
            found = "limit"
        print(steps, target, found, flush=True)
"""


@pytest.mark.parametrize("size", [10, 23, 60])
def test_a_dense_catalogue_ends_in_an_answer_or_a_search_limit_within_bounds(tmp_path: Path, size: int) -> None:
    """Dense programmes at 6 and 12 steps, targeted and not: under 1 GB, ended well inside the timeout.

    Before plans were counted, 10 such programmes at max_steps=12 ran past 300 s.
    """
    catalogue = tmp_path / "dicht.json"
    _dense_catalogue(catalogue, size)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", _BOUNDED, str(catalogue)], env=env, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    answers = [line.split() for line in result.stdout.splitlines()]
    assert len(answers) == 4
    assert all(found == "limit" or int(found) > 0 for *_, found in answers)


def test_a_catalogue_whose_programmes_need_themselves_is_refused_when_loaded(tmp_path: Path) -> None:
    """Completing a programme as its own entry, directly or through a cycle, is a load error."""
    path = tmp_path / "kip-ei.json"
    _dense_catalogue(path, 3)
    document = json.loads(path.read_text(encoding="utf-8"))
    for p in document["programmes"][1:]:  # no decision any more: only each other opens them
        p["entry"] = {"completed": {"programmes": [o["id"] for o in document["programmes"][1:] if o is not p]}}
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(LeraarroutesError, match="can never be entered"):
        load_catalogue(path, shipped=False)


# --- the Python API checks its arguments at the boundary --------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Profile(qualifications=("tweedegraads:wiskunde",)), r"qualifications\[0\] must be a Qualification"),  # type: ignore[arg-type]
        (lambda: Profile(diplomas=({"level": "vwo"},)), r"diplomas\[0\] must be a Diploma, not dict"),  # type: ignore[arg-type]
        (lambda: Profile(diplomas="vwo"), "diplomas must be a list of Diploma, not str"),  # type: ignore[arg-type]
        (lambda: Profile(job="po"), "job must be a Job, not str"),  # type: ignore[arg-type]
        (lambda: Profile(completed=(3,)), r"completed\[0\] must be a str, not int"),  # type: ignore[arg-type]
        (lambda: Profile(work_experience_years=math.nan), "work_experience_years must be a number of years"),
    ],
)
def test_a_profile_refuses_plain_values_where_typed_ones_belong(make: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"limit": "5"}, "limit must be a whole number from 0, not str '5'"),
        ({"limit": True}, "limit must be a whole number"),
        ({"target": 123}, "target must be a text such as 'tweedegraads:wiskunde' or a Qualification, not int"),
        ({"max_states": math.nan}, "max_states must be a whole number from 1, not float nan"),
        ({"max_states": 0}, "max_states must be a whole number from 1"),
        ({"max_steps": 2.5}, "max_steps must be a whole number from 1 to 12"),
    ],
)
def test_find_routes_checks_its_arguments(options: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        find_routes(load_catalogue(), HAVO, **{"target": "po", "as_of": AS_OF, **options})


def test_find_routes_and_explain_name_a_missing_catalogue() -> None:
    for call in (find_routes, leraarroutes.explain):
        with pytest.raises(InputError, match="catalogue must be a Catalogue"):
            call(None, HAVO, "po", as_of=AS_OF)  # type: ignore[arg-type]


def test_the_same_answer_from_many_threads_with_hostile_siblings() -> None:
    """Hostile calls beside good ones in other threads change no good answer."""
    catalogue = load_catalogue()
    expected = find_routes(catalogue, HAVO, "po", as_of=AS_OF)
    results: list[object] = []

    def good() -> None:
        results.append(find_routes(catalogue, HAVO, "po", as_of=AS_OF))

    def bad() -> None:
        with contextlib.suppress(InputError):
            find_routes(catalogue, HAVO, "po", as_of=AS_OF, limit="x")  # type: ignore[arg-type]

    threads = [threading.Thread(target=f) for f in (good, bad) * 4]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


# --- drawings ------------------------------------------------------------------------------------


def test_a_mermaid_label_cannot_carry_a_directive(tmp_path: Path) -> None:
    """``%%{init: ...}%%`` in a name is written as entities: no setting of the diagram changes."""
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        (ROOT / "tests/bad_inputs/cat-requires-itself.yaml").read_text(encoding="utf-8")
        .replace("{completed: {programmes: [eigen]}}", "{diploma: {levels: [vwo]}}")
        .replace("name: Opleiding eigen", "name: \"%%{init: {'theme': 'dark'}}%% `x` #1\""),
        encoding="utf-8",
    )  # fmt: skip
    text = overview_mermaid(load_catalogue(extra), "po", as_of=AS_OF)
    assert "#37;#37;{init" in text
    assert "%%" not in text
    assert "`" not in text


def test_a_very_long_name_is_cut_so_that_dot_still_draws(tmp_path: Path) -> None:
    """A 20,000-character name (dot fails at about 16 KB) is cut to MAX_LABEL characters."""
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        (ROOT / "tests/bad_inputs/cat-requires-itself.yaml").read_text(encoding="utf-8")
        .replace("{completed: {programmes: [eigen]}}", "{diploma: {levels: [vwo]}}")
        .replace("name: Opleiding eigen", "name: " + "Lang" * 5_000),
        encoding="utf-8",
    )  # fmt: skip
    graph = leraarroutes.to_digraph(load_catalogue(extra), "po", as_of=AS_OF)
    assert graph.source.count("Lang") < 1_500  # cut before wrapping: the wrapped name held all 5,000
    assert "…" in graph.source
    svg = tmp_path / "po.svg"
    leraarroutes.render(graph, svg)
    assert svg.read_text(encoding="utf-8").startswith("<?xml")


def test_a_pdf_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    """No creation date in a rendered PDF: the same drawing gives the same file."""
    graph = leraarroutes.to_digraph(load_catalogue(), "po", as_of=AS_OF)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    leraarroutes.render(graph, first)
    time.sleep(1.1)  # a date in the file would now differ by a second
    leraarroutes.render(graph, second)
    assert first.read_bytes() == second.read_bytes()


# --- the fuzzer draws what the first one could not --------------------------------------------

PROFILE = {"description": "Iemand", "diplomas": [{"level": "wo-master", "programme": "Geschiedenis"}],
           "job": {"sector": "vo"}, "subject_ec": {"geschiedenis": 60}}  # fmt: skip
HOSTILE_TEXTS = st.sampled_from(["\x00", "\x07", "\x1b[2J", "\ud800", "\udfff", "\ufeff", "%%{init}%%", "\u202e"])
HOSTILE_NUMBERS = st.sampled_from([10**40, -(10**40), math.nan, math.inf, 10**4000])


def _json_text(document: object) -> str:
    return json.dumps(document, allow_nan=True)


@st.composite
def hostile_documents(draw: st.DrawFn) -> tuple[str, str]:
    """A profile with one hostile change, as (text, format)."""
    document: dict[str, Any] = json.loads(json.dumps(PROFILE))
    change = draw(st.sampled_from(["text", "number", "deep", "key", "bom"]))
    fmt = draw(st.sampled_from(["json", "yaml", "toml"]))
    if change == "text":
        where = draw(st.sampled_from(["description", "programme", "key"]))
        bad = draw(HOSTILE_TEXTS)
        if where == "description":
            document["description"] = f"a{bad}b"
        elif where == "programme":
            document["diplomas"][0]["programme"] = bad
        else:
            document["subject_ec"] = {f"ge{bad}": 60}
    elif change == "number":
        document["subject_ec"]["geschiedenis"] = draw(HOSTILE_NUMBERS)
    elif change == "deep":
        document["description"] = "DEEP"
    text = _json_text(document)
    if change == "deep":  # written as text: Python's own json cannot build what it then refuses to read
        depth = draw(st.integers(60, 3_000))
        text = text.replace('"DEEP"', "[" * depth + "]" * depth)
    if change == "key":  # a repeated key, only JSON can write it as text
        text = text.replace('"job":', '"diplomas": [], "job":', 1)
        fmt = "json"
    elif fmt == "toml":
        fmt = "json"  # the TOML limits are tested on their own below
    if change == "bom":
        text = "\ufeff" + text
    return text, fmt


@settings(max_examples=120, deadline=None)
@given(hostile_documents())
def test_hostile_documents_give_only_our_errors(case: tuple[str, str]) -> None:
    """Every hostile profile is read or refused with our own error, never another exception."""
    text, fmt = case
    with contextlib.suppress(LeraarroutesError):
        loads(text, Profile, fmt)


def test_a_huge_toml_and_a_deep_toml_are_refused_as_toml() -> None:
    """TOML has its own parser: the same limits hold there."""
    with pytest.raises(InputError, match="nesting deeper than 64 levels"):
        loads("description = " + "[" * 2_000 + "]" * 2_000, Profile, "toml")
    with pytest.raises(InputError, match="4,300 digits"):
        loads("work_experience_years = " + "9" * 5_000, Profile, "toml")
    with pytest.raises(InputError, match="twice"):
        loads('[job]\nsector = "po"\n[job]\nsector = "vo"\n', Profile, "toml")
    assert loads('\ufeff[job]\nsector = "po"\n', Profile, "toml").job is not None


def test_a_target_qualification_object_is_accepted() -> None:
    """A Qualification as the target is the same as its text (the boundary check lets it through)."""
    goal = Qualification.parse("po")
    assert find_routes(load_catalogue(), HAVO, goal, as_of=AS_OF) == find_routes(
        load_catalogue(), HAVO, "po", as_of=dt.date(2024, 1, 1)
    )


def test_a_yaml_file_of_very_many_values_stops_early_without_being_called_an_alias_bomb(tmp_path: Path) -> None:
    """Nested lists, no aliases, more values than MAX_VALUES: refused by that limit, with a line."""
    row = "  - [" + ", ".join(["[1, [2]]"] * 20) + "]\n"
    path = tmp_path / "veel.yaml"
    path.write_text("diplomas:\n" + row * 2_000, encoding="utf-8")  # 2,000 rows of 61 values
    with pytest.raises(InputError, match=r"veel.yaml:\d+: the file holds more than 100,000 values") as caught:
        leraarroutes.load_profile(path)
    assert "alias" not in str(caught.value)


def test_a_repeated_json_key_with_accents_is_named_by_its_lines() -> None:
    """json writes "é" as "\\u00e9": the key is found as the file writes it, never at line 0."""
    with pytest.raises(InputError, match=r"^x\.json:3: the key 'é' is written twice \(lines 2 and 3\)$"):
        loads('{\n "é": 1,\n "é": 2\n}', Profile, "json", file="x.json")
