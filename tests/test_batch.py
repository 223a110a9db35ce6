"""Batch evaluation agrees with find_routes, streams, and reads CSV and JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leraarroutes
from leraarroutes import (
    Catalogue,
    LeraarroutesError,
    Profile,
    ProfileError,
    SearchLimitError,
    find_routes,
    load_catalogue,
)
from leraarroutes.catalogue import serialize
from leraarroutes.cli import main
from leraarroutes.engine import batch
from leraarroutes.testing.strategies import catalogues, profiles
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests/cases").glob("*.yaml"))


def test_batch_agrees_with_find_routes_on_every_scenario_person(catalogue: Catalogue) -> None:
    """The same routes, in the same order, for each person of the scenario files."""
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        profile = serialize.structure(case["profile"], Profile)
        day = case.get("as_of", AS_OF)
        expected = batch.summary(find_routes(catalogue, profile, case["target"], as_of=day))
        for dedupe in (True, False):
            rows = [(path.stem, profile), (path.stem + "-2", profile)]
            out = list(batch.evaluate(catalogue, rows, case["target"], as_of=day, dedupe=dedupe))
            assert [o["routes"] for o in out] == [expected, expected], path.name
        assert batch.evaluate_chunk(catalogue, [profile], case["target"], as_of=day) == [expected]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_batch_summaries_agree_with_find_routes_on_generated_people_and_catalogues(data: st.DataObject) -> None:
    """Batch works out route figures without writing out reasons; it must still say the same."""
    shipped = leraarroutes.load_catalogue()
    catalogue = data.draw(st.one_of(st.just(shipped), catalogues()), label="catalogue")
    profile = data.draw(profiles(catalogue=catalogue), label="profile")
    subjects = [s.id for s in catalogue.subjects if s.id in ("wiskunde", "natuurkunde", "engels")]
    targets = [None, "po", *(f"{kind}:{s}" for s in subjects for kind in ("eerstegraads", "tweedegraads"))]
    target = data.draw(st.sampled_from(targets), label="target")
    day = data.draw(st.sampled_from([dt.date(2016, 9, 1), AS_OF]), label="as_of")
    try:
        expected = batch.summary(find_routes(catalogue, profile, target, as_of=day))
    except SearchLimitError:
        return
    assert batch.evaluate_chunk(catalogue, [profile], target, as_of=day) == [expected]


def test_csv_and_jsonl_give_the_same_profiles(tmp_path: Path) -> None:
    """One person written both ways reads back equal."""
    (tmp_path / "p.csv").write_text(
        "id,diplomas,exam_subjects,subject_ec,qualifications,job_sector,job_subject,work_experience_years\n"
        "x,havo;wo-master:Wiskunde,geschiedenis,wiskunde=130,tweedegraads:wiskunde,vo,wiskunde,4\n",
        encoding="utf-8",
    )
    document = {
        "id": "x",
        "diplomas": [
            {"level": "havo", "exam_subjects": ["geschiedenis"]},
            {"level": "wo-master", "programme": "Wiskunde"},
        ],
        "subject_ec": {"wiskunde": 130},
        "qualifications": ["tweedegraads:wiskunde"],
        "job": {"sector": "vo", "subject": "wiskunde"},
        "work_experience_years": 4,
    }
    (tmp_path / "p.jsonl").write_text(json.dumps(document) + "\n", encoding="utf-8")
    assert list(batch.read_profiles(tmp_path / "p.csv")) == list(batch.read_profiles(tmp_path / "p.jsonl"))


def test_a_bad_row_names_file_and_line(tmp_path: Path) -> None:
    """Row 3 of the CSV has an unknown level: the error says so, with its line."""
    path = tmp_path / "p.csv"
    path.write_text("id,diplomas\n1,havo\n2,hbo\n", encoding="utf-8")
    with pytest.raises(LeraarroutesError, match=r"p.csv:3: \$.diplomas\[0\].level: invalid value 'hbo'"):
        list(batch.read_profiles(path))


def test_a_row_with_too_few_or_too_many_fields_is_an_error(tmp_path: Path) -> None:
    """A ragged row is never read as if its missing fields were empty or its extra ones absent."""
    path = tmp_path / "p.csv"
    for ragged in ("2\n", "2,vwo,po,extra\n"):
        path.write_text("id,diplomas,job_sector\n1,havo,\n\n" + ragged, encoding="utf-8")
        with pytest.raises(ProfileError, match=r"p.csv:4: this row has \d fields; the header has 3 \(id, diplomas"):
            list(batch.read_profiles(path))


def test_equal_rows_share_one_profile_and_keep_their_ids(tmp_path: Path) -> None:
    """Rows equal but for the id give equal profiles under their own ids; blank lines are skipped."""
    path = tmp_path / "p.csv"
    path.write_text("diplomas,id\nvwo,a\n\nvwo,b\nhavo,c\n", encoding="utf-8")
    rows = list(batch.read_profiles(path))
    assert [row_id for row_id, _ in rows] == ["a", "b", "c"]
    assert rows[0][1] is rows[1][1]
    assert rows[2][1].diplomas[0].level.value == "havo"


def test_batch_cli_writes_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """leraarroutes batch profiles.csv -o routes.jsonl: one JSON object per input row."""
    source = tmp_path / "p.csv"
    source.write_text(
        "id,diplomas,exam_subjects\n1,vwo,\n2,havo,geschiedenis;aardrijkskunde;biologie\n", encoding="utf-8"
    )
    out = tmp_path / "routes.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--target", "po", "--as-of", "2024-01-01"]) == 0
    head, *lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert head == batch.header(load_catalogue(), "po", as_of=AS_OF)
    assert set(head) == {"leraarroutes_version", "catalogue_version", "catalogue_date", "as_of", "target", "filter"}
    assert [line["id"] for line in lines] == ["1", "2"]
    assert "klaar" in capsys.readouterr().err


def test_json_lines_text_equals_the_dicts(catalogue: Catalogue) -> None:
    """evaluate_jsonl writes exactly the objects evaluate yields, one per line."""
    rows = [
        (str(i), serialize.structure(yaml.safe_load(p.read_text(encoding="utf-8"))["profile"], Profile))
        for i, p in enumerate(CASES[:6])
    ]
    rows += rows
    text = list(batch.evaluate_jsonl(catalogue, rows, "po", as_of=AS_OF))
    assert [json.loads(line) for line in text] == list(batch.evaluate(catalogue, rows, "po", as_of=AS_OF))
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in text)


@given(ids=st.lists(st.text(), min_size=1, max_size=5))
@settings(max_examples=80, deadline=None)
def test_any_row_id_comes_out_as_the_same_json_string(catalogue: Catalogue, ids: list[str]) -> None:
    """Ids with quotes, backslashes, control or non-ASCII characters survive JSON Lines unchanged."""
    rows = [(row_id, Profile()) for row_id in ids]
    text = list(batch.evaluate_jsonl(catalogue, rows, "po", as_of=AS_OF))
    assert [json.loads(line)["id"] for line in text] == ids
    assert all(line.count("\n") == 1 for line in text)


def test_parquet_gives_the_same_profiles_as_csv(tmp_path: Path) -> None:
    """A Parquet file with the CSV columns streams the same people, and a bad row names its row."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    columns = {
        "id": ["a", "b", "c"],
        "diplomas": ["havo", "wo-master:Wiskunde", "havo"],
        "exam_subjects": ["geschiedenis;aardrijkskunde", "", "geschiedenis;aardrijkskunde"],
        "job_sector": ["", "vo", ""],
    }
    pq.write_table(pa.table(columns), tmp_path / "p.parquet", row_group_size=2)
    with (tmp_path / "p.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(columns) + "\n")
        handle.writelines(",".join(v[i] for v in columns.values()) + "\n" for i in range(3))
    assert list(batch.read_profiles(tmp_path / "p.parquet")) == list(batch.read_profiles(tmp_path / "p.csv"))
    columns["diplomas"][2] = "hogeschool"
    pq.write_table(pa.table(columns), tmp_path / "bad.parquet")
    with pytest.raises(LeraarroutesError, match=r"bad\.parquet.*3"):
        list(batch.read_profiles(tmp_path / "bad.parquet"))
    (tmp_path / "not.parquet").write_text("id,diplomas\n", encoding="utf-8")
    with pytest.raises(LeraarroutesError, match="Parquet"):
        list(batch.read_profiles(tmp_path / "not.parquet"))


def test_jobs_2_gives_the_lines_of_jobs_1_in_the_same_order(tmp_path: Path) -> None:
    """Worker processes answer chunks; the output file is byte for byte that of one process."""
    import random

    rng = random.Random(7)  # noqa: S311 - test data, not secrets
    levels = ["havo", "vwo", "mbo-4", "hbo-bachelor", "wo-bachelor", "wo-master"]
    rows = ["id,diplomas,exam_subjects,job_sector"]
    for i in range(batch.CHUNK_ROWS * 2 + 37):  # more than two chunks, the last one short
        subjects = ";".join(rng.sample(["geschiedenis", "biologie", "wiskunde", "engels"], 2))
        rows.append(f"p{i},{rng.choice(levels)},{subjects},{rng.choice(['', 'vo', 'po', 'mbo'])}")
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("\n".join(rows) + "\n", encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    common = ["batch", str(cohort), "--as-of", "2024-01-01", "--quiet", "--target", "po"]
    assert main([*common, "-o", str(one)]) == 0
    assert main([*common, "-o", str(two), "--jobs", "2"]) == 0
    assert two.read_bytes() == one.read_bytes()
    assert len(one.read_text(encoding="utf-8").splitlines()) == 1 + batch.CHUNK_ROWS * 2 + 37  # header, rows


def test_jobs_must_be_a_positive_number() -> None:
    with pytest.raises(leraarroutes.InputError, match="jobs must be a whole number"):
        list(batch.evaluate_jsonl_parallel([], [], as_of=AS_OF, jobs=0))
