"""Evaluate a cohort: routes for every row of a CSV file, streamed to JSON Lines.

Run with ``python examples/cohort_batch.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import Counter
from pathlib import Path

import leraarroutes as lr
from leraarroutes import batch

ROWS = """id,diplomas,exam_subjects,job_sector
1,havo,geschiedenis;aardrijkskunde;biologie,
2,vwo,,
3,wo-bachelor:Psychologie,,
4,hbo-bachelor:Bedrijfskunde,,po
5,mbo-4,,
"""


def main() -> None:
    catalogue = lr.load_catalogue()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cohort.csv"
        source.write_text(ROWS, encoding="utf-8")
        out = Path(folder) / "routes.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            for result in batch.evaluate(catalogue, batch.read_profiles(source), "po", as_of=dt.date(2024, 1, 1)):
                handle.write(json.dumps(result) + "\n")
        results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    fastest = Counter(r["routes"][0]["programmes"][-1] for r in results if r["routes"])
    assert len(results) == len(ROWS.splitlines()) - 1
    print("ok: fastest last steps", dict(sorted(fastest.items())))


if __name__ == "__main__":
    main()
