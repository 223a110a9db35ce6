"""The rows of a consolidated text of the verwantschapstabel educatieve minor, parsed.

The bijlage is a Markdown table whose long cells wrap onto lines of one cell, and whose ditto
marks (") repeat the cell above. A row is: the bachelor's name, its CROHO code, the universities
it is limited to (none: every university) and the subject it relates to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DITTOS = frozenset({"”", "“", '"'})

SUBJECTS = {
    "aardrijkskunde": "aardrijkskunde",
    "arabisch": "arabisch",
    "biologie": "biologie",
    "duits": "duits",
    "chinees": "chinees",
    "economie": "economie",
    "engels": "engels",
    "filosofie": "filosofie",
    "frans": "frans",
    "fries": "fries",
    "geschiedenis en staatsinrichting": "geschiedenis",
    "godsdienst en levensbeschouwing": "godsdienst-levensbeschouwing",
    "grieks, latijn en kcv": "klassieke-talen",
    "informatica": "informatica",
    "italiaans": "italiaans",
    "kunstvakken-i en kunstvakken-ii": "kunstvakken",
    "latijn en kcv": "latijn",
    "maatschappijleer": "maatschappijleer",
    "management en organisatie": "management-en-organisatie",
    "natuurkunde": "natuurkunde",
    "nederlands": "nederlands",
    "russisch": "russisch",
    "scheikunde": "scheikunde",
    "spaans": "spaans",
    "techniek": "techniek",
    "turks": "turks",
    "wiskunde": "wiskunde",
}


@dataclass
class Row:
    """One row of the bijlage."""

    name: str
    croho: int
    universities: list[str] = field(default_factory=list)
    qualification: str = ""

    @property
    def subject(self) -> str:
        """The school subject id of the row's qualification ("Leraar Biologie" -> biologie)."""
        words = " ".join(self.qualification.removeprefix("Leraar ").split()).casefold()
        return SUBJECTS[words]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _universities(cell: str) -> list[str]:
    if cell in ("---", ""):
        return []
    parts = re.split(r";|,| en ", cell)
    return [" ".join(p.split()) for p in parts if p.strip()]


def parse(text: str) -> list[Row]:
    """Every row of the bijlage in ``text``, in order, wrapped cells joined and dittos filled in."""
    rows: list[Row] = []
    raw_universities = ""
    for line in text.splitlines():
        if not line.startswith("|") or line.startswith("|:") or "CROHO" in line:
            continue
        cells = _cells(line)
        if len(cells) >= 4 and re.fullmatch(r"\d{5}", cells[1]):
            name = re.sub(r"<sup>.*?</sup>", "", cells[0]).strip()
            uni = cells[2]
            qualification = cells[3]
            previous = rows[-1] if rows else None
            if uni in DITTOS and previous is not None:
                uni = raw_universities
            if qualification in DITTOS and previous is not None:
                qualification = previous.qualification
            raw_universities = uni
            rows.append(
                Row(name=name, croho=int(cells[1]), universities=_universities(uni), qualification=qualification)
            )
        elif len(cells) == 1 and rows:
            # a wrapped cell: it continues the universities (after a ";"), the qualification
            # (after "en"), or else the name
            extra = re.sub(r"<sup>.*?</sup>", "", cells[0]).strip()
            last = rows[-1]
            if raw_universities.endswith(";"):
                raw_universities = f"{raw_universities} {extra}"
                last.universities = _universities(raw_universities)
            elif last.qualification.endswith((" en", "-I en")):
                last.qualification = f"{last.qualification} {extra}"
            else:
                last.name = f"{last.name} {extra}"
    return rows
