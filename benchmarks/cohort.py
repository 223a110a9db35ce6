"""The realistic cohort: people in plausible proportions, most of them distinct.

Shared by the benchmark (``run.py``) and the answer hash (``answer_hash.py``); standard library only.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

REALISTIC_LEVELS = (("havo", 10), ("vwo", 10), ("mbo-4", 8), ("hbo-bachelor", 30), ("wo-bachelor", 12),
                    ("wo-master", 30))  # fmt: skip
"""Highest diploma of the people in the realistic cohort, and how many in 100: mostly career
changers with a higher-education degree, as teacher desks and zij-instroom intakes see them."""
REALISTIC_PROGRAMMES = ("Geschiedenis", "Biologie", "Wiskunde", "Psychologie", "Rechten", "Engels",
                        "Scheikunde", "Natuurkunde", "Bedrijfskunde", "Werktuigbouwkunde", "Pedagogiek",
                        "Nederlands", "Sociologie", "Informatica", "Bewegingswetenschappen")  # fmt: skip
REALISTIC_SUBJECTS = ("geschiedenis", "biologie", "wiskunde", "engels", "natuurkunde", "scheikunde",
                      "aardrijkskunde", "economie")  # fmt: skip


def realistic_csv(path: Path, n: int, seed: int = 5) -> float:
    """``n`` people in plausible proportions; returns the share of distinct rows.

    Highest diploma as :data:`REALISTIC_LEVELS`; a degree names one of 15 programmes (one in ten
    none); a wo-master comes with its bachelor four times in five; havo/vwo diplomas have two or
    three exam subjects of eight; 35 % have a job (po, vo, mbo alike), a third of those with a
    subject; 60 % state work experience (0-30 years, in halves); 15 % state EC in a subject.
    """
    rng = random.Random(seed)
    levels, weights = zip(*REALISTIC_LEVELS, strict=True)
    seen: set[tuple[str, ...]] = set()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "diplomas", "exam_subjects", "job_sector", "job_subject", "work_experience_years",
                         "subject_ec"])  # fmt: skip
        for i in range(n):
            level = rng.choices(levels, weights)[0]
            exams = ""
            if level in ("havo", "vwo"):
                diplomas = level
                exams = ";".join(rng.sample(REALISTIC_SUBJECTS, rng.choice((2, 3))))
            else:
                name = "" if rng.random() < 0.1 else rng.choice(REALISTIC_PROGRAMMES)
                diplomas = f"{level}:{name}" if name else level
                if level == "wo-master" and rng.random() < 0.8:
                    diplomas = f"wo-bachelor:{name or 'Biologie'};{diplomas}"
            job = rng.choice(("po", "vo", "mbo")) if rng.random() < 0.35 else ""
            job_subject = rng.choice(REALISTIC_SUBJECTS) if job in ("vo", "mbo") and rng.random() < 0.33 else ""
            years = f"{rng.randint(0, 60) / 2:g}" if rng.random() < 0.6 else ""
            ec = f"{rng.choice(REALISTIC_SUBJECTS)}={rng.randint(10, 240)}" if rng.random() < 0.15 else ""
            row = (diplomas, exams, job, job_subject, years, ec)
            seen.add(row)
            writer.writerow([i, *row])
    return len(seen) / n
