"""One hash over every answer the engine gives the scenario people, to prove a change kept them.

Each scenario file in ``tests/cases/`` is asked its own target and "what can I become?" (no
target) on three dates, in Dutch and English; the routes are written as the JSON report, and the
explanations of the closed programmes for the target are added. Then 1,000 people of the
realistic cohort (:mod:`cohort`, most of them distinct) are asked for PO, for a VO subject and
without a target. The printed hash must be the same
before and after a change that should not change an answer (a refactor, a speed-up)::

    python benchmarks/answer_hash.py            # one line: the hash and how many answers
    python benchmarks/answer_hash.py --verbose  # a hash per scenario, to find the one that moved

Only the public API is used, so the script runs on old and new code alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import tempfile
from pathlib import Path

import yaml
from cohort import realistic_csv  # beside this script

import leraarroutes
from leraarroutes import Profile, explain, find_routes, loads
from leraarroutes.engine import batch

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases"
DATES = (dt.date(2017, 1, 1), dt.date(2024, 1, 1), dt.date(2026, 12, 1))
LANGUAGES = ("nl", "en")
COHORT = 1_000
COHORT_TARGETS = ("po", "tweedegraads:wiskunde", None)


def answers_of(case: Path, catalogue: leraarroutes.Catalogue) -> list[object]:
    """Every answer for one scenario file: routes targeted and untargeted, explanations, per date."""
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    profile = loads(json.dumps(spec["profile"], default=str), Profile, "json", file=str(case))
    answers: list[object] = []
    for day in DATES:
        for target in (spec["target"], None):
            for lang in LANGUAGES:
                routes = find_routes(catalogue, profile, target, as_of=day, lang=lang)
                answers.append([route.to_json(lang) for route in routes])
        answers.append([blocked.to_json() for blocked in explain(catalogue, profile, spec["target"], as_of=day)])
    return answers


def cohort_answers(catalogue: leraarroutes.Catalogue) -> list[object]:
    """The routes of :data:`COHORT` realistic people for each of :data:`COHORT_TARGETS` (2024-01-01)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cohort.csv"
        realistic_csv(source, COHORT)
        people = list(batch.read_profiles(source))
    return [
        [route.to_json("nl") for route in find_routes(catalogue, profile, target, as_of=DATES[1])]
        for _, profile in people
        for target in COHORT_TARGETS
    ]


def main() -> None:
    """Print the hash of all answers (and one per scenario with ``--verbose``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print a hash per scenario file too")
    options = parser.parse_args()
    catalogue = leraarroutes.load_catalogue()
    total = hashlib.sha256()
    count = 0
    for case in sorted(CASES.glob("*.yaml")):
        answers = answers_of(case, catalogue)
        text = json.dumps(answers, sort_keys=True, ensure_ascii=False, default=str)
        total.update(text.encode())
        count += len(answers)
        if options.verbose:
            print(f"{hashlib.sha256(text.encode()).hexdigest()[:16]}  {case.name}")
    cohort = cohort_answers(catalogue)
    text = json.dumps(cohort, sort_keys=True, ensure_ascii=False, default=str)
    total.update(text.encode())
    if options.verbose:
        print(f"{hashlib.sha256(text.encode()).hexdigest()[:16]}  {COHORT:,} people of the realistic cohort")
    files = len(list(CASES.glob("*.yaml")))
    print(f"{total.hexdigest()}  {count} answers from {files} scenario files, {len(cohort):,} from the cohort")


if __name__ == "__main__":
    main()
