"""A cohort on a dataframe engine: Polars finds the distinct situations, leraarroutes answers them, Polars joins back.

Run with ``python examples/polars_cohort.py`` (100,000 people; ``--rows N`` for another size,
``--out FILE`` to keep the JSON Lines). Needs the polars extra: ``pip install "leraarroutes[polars]"``.
The lines are those ``leraarroutes batch COHORT.csv -o FILE --target po`` writes, header first.

The same function, :func:`leraarroutes.batch.evaluate_record_batch`, is what Spark's
``mapInArrow``, DuckDB and Ray map over record batches (see the how-to on batches).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

import leraarroutes as lr
from leraarroutes import batch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from cohort import realistic_csv  # the repository's realistic cohort, as the benchmark uses

AS_OF = dt.date(2024, 1, 1)
TARGET = "po"


def cohort_lines(cohort: Path, catalogue: lr.Catalogue) -> list[str]:
    """The batch lines of every person in ``cohort``: one answer per distinct situation."""
    people = pl.read_csv(cohort, infer_schema_length=0).fill_null("").with_row_index("order")
    columns = [c for c in people.columns if c not in ("id", "order")]
    # each distinct situation once, named by its number: the answers do not depend on the id
    situations = people.select(columns).unique(maintain_order=True).with_row_index("id")
    situations = situations.with_columns(pl.col("id").cast(pl.String))
    answered = [
        pl.from_arrow(batch.evaluate_record_batch(catalogue, part, TARGET, as_of=AS_OF)).select("id", "routes")
        for part in situations.to_arrow().to_batches(max_chunksize=5_000)
    ]
    answers = situations.join(pl.concat(answered), on="id").drop("id")
    joined = people.join(answers, on=columns, how="left").sort("order")
    quoted = joined["id"].map_elements(lambda v: json.dumps(v, ensure_ascii=False), return_dtype=pl.String)
    body = ('{"id": ' + quoted + ', "routes": ' + joined["routes"] + "}").to_list()
    head = json.dumps(batch.header(catalogue, TARGET, as_of=AS_OF), ensure_ascii=False)
    return [head, *body]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="people in the cohort (default 100,000)")
    parser.add_argument("--cohort", type=Path, default=None, help="a cohort CSV to read instead of a generated one")
    parser.add_argument("--out", type=Path, default=None, help="write the JSON Lines here")
    args = parser.parse_args()
    catalogue = lr.load_catalogue()
    with tempfile.TemporaryDirectory() as folder:
        cohort = args.cohort
        if cohort is None:
            cohort = Path(folder) / "cohort.csv"
            realistic_csv(cohort, args.rows)
        started = time.perf_counter()
        lines = cohort_lines(cohort, catalogue)
        seconds = time.perf_counter() - started
    if args.out is not None:
        args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    people = len(lines) - 1
    assert all(json.loads(line)["routes"] is not None for line in lines[1:])
    print(f"ok: {people:,} people in {seconds:.1f} s ({people / seconds:,.0f}/s) through Polars")


if __name__ == "__main__":
    main()
