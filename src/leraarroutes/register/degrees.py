"""The degree register: every accredited higher-education programme, and which one a diploma is.

A diploma is identified by its CROHO code first, then by its name: case- and accent-insensitive,
among the register's official names, the names the verwantschapstabel gave a code over the years,
the institutions' own titles and a short curated list (``data/aliases.yaml``). The outcome is
one of three, never a guess: *identified* (one programme), *ambiguous* (the candidates), or
*unknown*.

>>> from leraarroutes import Diploma, Level
>>> register = load_register()
>>> register.identify(Diploma(level=Level.WO_BACHELOR, programme="psychologie")).degree.croho
56604
>>> register.identify(Diploma(level=Level.HBO_BACHELOR, programme="Leraar Engels")).degree.croho
35195
>>> [d.croho for d in register.identify(Diploma(level=Level.HBO_BACHELOR, programme="Verpleegkunde")).candidates]
[34560, 39283]
"""

from __future__ import annotations

import difflib
import functools
import importlib.resources
import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from leraarroutes import _cache
from leraarroutes.errors import InputError
from leraarroutes.model.education import Diploma, Level, Study

__all__ = ["MAX_QUERY_CHARS", "MAX_REMEMBERED", "Degree", "DegreeRegister", "Identification", "fold", "load_register"]

MAX_QUERY_CHARS = 200
"""The longest degree name or query looked up; longer text is refused."""

MAX_REMEMBERED = 50_000
"""Identifications kept between queries; past it the store starts afresh, so memory stays flat."""

IDENTIFIED, AMBIGUOUS, UNKNOWN = "identified", "ambiguous", "unknown"

# Which register levels a diploma (or study) of each level can be: a propedeuse is a first year of
# an hbo bachelor, so it is looked up among those.
_LEVELS: dict[Level, frozenset[Level]] = {
    Level.AD: frozenset({Level.AD}),
    Level.HBO_PROPEDEUSE: frozenset({Level.HBO_BACHELOR}),
    Level.HBO_BACHELOR: frozenset({Level.HBO_BACHELOR}),
    Level.HBO_MASTER: frozenset({Level.HBO_MASTER}),
    Level.WO_BACHELOR: frozenset({Level.WO_BACHELOR}),
    Level.WO_MASTER: frozenset({Level.WO_MASTER}),
    Level.MBO_2: frozenset({Level.MBO_2}),
    Level.MBO_3: frozenset({Level.MBO_3}),
    Level.MBO_4: frozenset({Level.MBO_4}),
}


@functools.lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """A name as it is compared: lower case, no accents, one space between words.

    >>> fold("  Commerciële   Economie ")
    'commerciele economie'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").split())


@frozen(kw_only=True)
class Degree:
    """One programme of the register: its CROHO code (or crebo for mbo), official name, level, sector, EC.

    ``also`` lists the other names diplomas of it carry; ``origin`` says where the row comes from:
    the higher-education register, the verwantschapstabel (university bachelors the register
    extract lacks) or a curated list with its source.

    >>> degree: Degree = load_register().degree(56604)
    >>> degree.name, degree.level.value, degree.sector_label
    ('Psychologie', 'wo-bachelor', 'gedrag en maatschappij')
    """

    croho: int
    name: str
    level: Level
    sector: str | None = None
    ec: int | None = None
    institutions: tuple[str, ...] = ()
    origin: str = "register"
    also: tuple[str, ...] = ()
    source: str | None = None

    @property
    def sector_label(self) -> str | None:
        """The sector in words ("gedrag en maatschappij"), or None when the register gives none."""
        return None if self.sector is None else self.sector.replace("_", " ")

    def describe(self, lang: str = "nl") -> str:
        """One line: code, name, level and sector, for a person choosing between candidates."""
        code = "crebo" if self.level in (Level.MBO_2, Level.MBO_3, Level.MBO_4) else "CROHO"
        sector = f", {self.sector_label}" if self.sector_label else ""
        if self.origin == "verwantschapstabel":
            sector += ", uit de verwantschapstabel" if lang == "nl" else ", from the verwantschapstabel"
        return f"{code} {self.croho} {self.name} ({self.level.value}{sector})"


@frozen(kw_only=True)
class Identification:
    """Which programme a diploma or study is: identified, ambiguous (with the candidates) or unknown.

    >>> from leraarroutes import Diploma, Level
    >>> found: Identification = load_register().identify(Diploma(level=Level.WO_BACHELOR, programme="Chemistry"))
    >>> found.status, found.degree.croho
    ('identified', 56943)
    """

    status: str
    degree: Degree | None = None
    candidates: tuple[Degree, ...] = ()
    by: str | None = None

    @property
    def identified(self) -> bool:
        """Whether exactly one programme fits."""
        return self.status == IDENTIFIED

    def text(self, lang: str = "nl") -> str:
        """The outcome in words, Dutch (default) or English."""
        nl = lang == "nl"
        if self.degree is not None:
            by = {"croho": "CROHO-code" if nl else "CROHO code", "name": "naam" if nl else "name"}.get(
                self.by or "", ""
            )
            return (f"herkend aan de {by}: " if nl else f"identified by {by}: ") + self.degree.describe(lang)
        if self.status == AMBIGUOUS:
            options = "; ".join(d.describe(lang) for d in self.candidates)
            return ("meerdere opleidingen mogelijk: " if nl else "several programmes fit: ") + options
        return "niet gevonden in het opleidingenregister" if nl else "not found in the degree register"


def _degree_level(text: str) -> Level:
    return Level(text)


@frozen(kw_only=True, eq=False)
class DegreeRegister:
    """Every degree programme, indexed by code and by every name it is known by.

    Build it with :func:`load_register`; it is immutable and shared.

    >>> register: DegreeRegister = load_register()
    >>> [d.croho for d in register.find("commerciele economie")][:2]
    [34402, 80103]
    """

    degrees: tuple[Degree, ...]
    _by_code: dict[int, Degree] = field(init=False, repr=False)
    _by_name: dict[str, tuple[Degree, ...]] = field(init=False, repr=False)
    _identified: dict[Diploma | Study, Identification] = field(init=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        by_name: dict[str, list[Degree]] = defaultdict(list)
        for degree in self.degrees:
            for name in (degree.name, *degree.also):
                key = fold(name)
                if degree not in by_name[key]:
                    by_name[key].append(degree)
        object.__setattr__(self, "_by_code", {d.croho: d for d in self.degrees})
        object.__setattr__(self, "_by_name", {k: tuple(v) for k, v in by_name.items()})

    def degree(self, croho: int) -> Degree:
        """The programme with this CROHO (or crebo) code; raise :class:`KeyError` when unknown."""
        return self._by_code[croho]

    def known(self, croho: int) -> bool:
        """Whether the register has this code."""
        return croho in self._by_code

    def named(self, name: str) -> tuple[Degree, ...]:
        """The programmes known by exactly this name (ignoring case, accents and spacing)."""
        return self._by_name.get(fold(_checked(name)), ())

    def identify(self, degree: Diploma | Study) -> Identification:
        """Which programme ``degree`` is, by its CROHO code first, then by its name and level."""
        known = self._identified.get(degree)
        if known is None:
            if len(self._identified) >= MAX_REMEMBERED:
                self._identified.clear()
            known = self._identified[degree] = self._identify(degree)
        return known

    def _identify(self, degree: Diploma | Study) -> Identification:
        levels = _LEVELS.get(degree.level, frozenset())
        if degree.croho is not None and degree.croho in self._by_code:
            found = self._by_code[degree.croho]
            if found.level in levels:
                return Identification(status=IDENTIFIED, degree=found, by="croho")
        if degree.programme is None:
            return Identification(status=UNKNOWN)
        fits = tuple(d for d in self.named(degree.programme) if d.level in levels)
        if len(fits) == 1:
            return Identification(status=IDENTIFIED, degree=fits[0], by="name")
        if fits:
            return Identification(status=AMBIGUOUS, candidates=fits, by="name")
        return Identification(status=UNKNOWN)

    def find(self, query: str, *, level: Level | str | None = None, limit: int = 10) -> tuple[Degree, ...]:
        """The programmes whose names best match ``query``, optionally of one ``level`` only.

        Exact names first, then names that contain every word of it, then close spellings.

        >>> [d.describe() for d in load_register().find("psychologie", level="wo-bachelor")]
        ['CROHO 56604 Psychologie (wo-bachelor, gedrag en maatschappij)']
        """
        wanted = fold(_checked(query))
        if not wanted:
            raise InputError("give a name (or part of one) to look up")
        only = None if level is None else Level(level)
        ranked: dict[int, tuple[int, str]] = {}

        def offer(degrees: Iterable[Degree], score: int, name: str) -> None:
            for d in degrees:
                if (only is None or d.level is only) and (d.croho not in ranked or ranked[d.croho][0] > score):
                    ranked[d.croho] = (score, name)

        offer(self._by_name.get(wanted, ()), 0, wanted)
        words = wanted.split()
        for name, degrees in self._by_name.items():
            if all(w in name.split() for w in words):
                offer(degrees, 1 + len(name.split()) - len(words), name)
            elif wanted in name:
                offer(degrees, 20, name)
        if len(ranked) < limit:
            for name in difflib.get_close_matches(wanted, self._by_name, n=limit, cutoff=0.8):
                offer(self._by_name[name], 40, name)
        order = sorted(ranked, key=lambda code: (ranked[code][0], ranked[code][1], code))
        return tuple(self._by_code[code] for code in order[:limit])


def _checked(text: str) -> str:
    if not isinstance(text, str):
        raise InputError(f"a degree name is text, not {type(text).__name__}")
    if len(text) > MAX_QUERY_CHARS:
        raise InputError(f"a degree name of {len(text):,} characters is too long (at most {MAX_QUERY_CHARS})")
    return text


def _rows(data: Mapping[str, object]) -> Iterable[Degree]:
    columns = data["columns"]
    assert isinstance(columns, list)  # noqa: S101 - the shipped file's own shape
    rows = data["degrees"]
    assert isinstance(rows, list)  # noqa: S101
    for row in rows:
        values = dict(zip(columns, row, strict=True))
        yield Degree(
            croho=values["croho"],
            name=values["name"],
            level=_degree_level(values["level"]),
            sector=values["sector"],
            ec=values["ec"],
            institutions=tuple(values["institutions"]),
            origin=values["from"],
            also=tuple(values["also"]),
        )


def _curated(text: str) -> Iterable[Degree]:
    import yaml  # noqa: PLC0415 - PyYAML loads with the register, not with the package

    data = yaml.safe_load(text)
    for entry in data["mbo"]:
        yield Degree(
            croho=entry["crebo"],
            name=entry["name"],
            level=Level(entry["level"]),
            origin="curated",
            also=tuple(entry.get("also", ())),
            source=entry["source"],
        )


def _aliases(text: str) -> dict[int, tuple[str, ...]]:
    import yaml  # noqa: PLC0415 - PyYAML loads with the register, not with the package

    data = yaml.safe_load(text)
    names: dict[int, list[str]] = defaultdict(list)
    for entry in data["aliases"]:
        names[entry["croho"]].append(entry["alias"])
    return {code: tuple(v) for code, v in names.items()}


@functools.cache
def load_register() -> DegreeRegister:
    """The shipped register, read once per process.

    The higher-education register, the verwantschapstabel's bachelors and the curated mbo
    diplomas and aliases.

    >>> load_register().degree(34808).name
    'Opleiding tot leraar Basisonderwijs'
    """
    folder = importlib.resources.files("leraarroutes.register") / "data"
    raw = {name: (folder / name).read_bytes() for name in ("degrees.json", "aliases.yaml")}
    cache_key = _cache.key(sorted(raw.items()))
    found = _cache.load(cache_key, DegreeRegister)
    if found is not None:
        return found
    register = _built_register(json.loads(raw["degrees.json"].decode("utf-8")), raw["aliases.yaml"].decode("utf-8"))
    _cache.store(cache_key, register)
    return register


def _built_register(data: Any, extra: str) -> DegreeRegister:  # noqa: ANN401 - the register's JSON
    aliases = _aliases(extra)
    degrees = [
        Degree(
            croho=d.croho,
            name=d.name,
            level=d.level,
            sector=d.sector,
            ec=d.ec,
            institutions=d.institutions,
            origin=d.origin,
            also=d.also + aliases.get(d.croho, ()),
        )
        for d in _rows(data)
    ]
    degrees += list(_curated(extra))
    return DegreeRegister(degrees=tuple(degrees))
