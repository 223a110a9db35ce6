"""The catalogue: subjects, programmes, relatedness tables and scopes, checked as a whole.

A catalogue is immutable and safe to share between threads. It answers the questions entry rules
ask (relatedness, degree names, programme kinds) through :meth:`Catalogue.context`.

>>> from leraarroutes import load_catalogue
>>> cat = load_catalogue()
>>> cat.programme("kopopleiding").kind.value
'kopopleiding'
>>> cat.subject("natuurkunde").name
'Natuurkunde'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import field, fields, frozen

from leraarroutes import _html
from leraarroutes._validate import did_you_mean
from leraarroutes.catalogue.offers import ProviderOffering
from leraarroutes.catalogue.programmes import Programme, ProgrammeKind
from leraarroutes.catalogue.serialize import dumps
from leraarroutes.errors import ProfileError, UnknownNameError
from leraarroutes.ids import ProgrammeId, SubjectId, offering_subject
from leraarroutes.model.education import Diploma, Level, Study
from leraarroutes.model.profile import Profile
from leraarroutes.model.qualifications import Qualification, QualificationKind, QualificationScope, SchoolSetting
from leraarroutes.model.relatedness import AdmissionFramework, RelatednessEntry, RelatednessTable
from leraarroutes.model.subjects import Subject
from leraarroutes.register import Identification, load_register, same_institution
from leraarroutes.rules import (
    Reason,
    RuleContext,
    Truth,
)

__all__ = ["MAX_PROGRAMMES", "Catalogue", "CatalogueFile", "DegreeAlias"]

MAX_PROGRAMMES = 5_000
"""Most programmes a catalogue (shipped plus extra files) may hold; the shipped one has under 100."""

_T = TypeVar("_T")


@frozen(kw_only=True)
class DegreeAlias:
    """Another name under which a degree programme appears on diplomas.

    >>> DegreeAlias(alias="Technische Natuurkunde", programme="Natuurkunde").programme
    'Natuurkunde'
    """

    alias: str
    programme: str


_READ_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")


def _read_date(_instance: object, _attribute: object, value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _READ_DATE.fullmatch(value):
        raise ValueError(f"retrieved must be a date (YYYY-MM-DD) or a month (YYYY-MM), not {value!r}")
    if len(value) == 10:  # noqa: PLR2004 - a whole date: check the day exists
        dt.date.fromisoformat(value)


@frozen(kw_only=True)
class CatalogueFile:
    """The contents of one catalogue file; every section is optional.

    >>> from leraarroutes import loads
    >>> part = loads("{title: Onze aanvulling, subjects: []}", CatalogueFile, "yaml")
    >>> part.title, part.programmes
    ('Onze aanvulling', ())
    """

    title: str | None = None
    description: str | None = None
    retrieved: str | None = field(default=None, validator=_read_date)
    """When the file's facts were read from their sources: ``YYYY-MM-DD``, or ``YYYY-MM`` for a month."""
    subjects: tuple[Subject, ...] = ()
    programmes: tuple[Programme, ...] = ()
    relatedness_tables: tuple[RelatednessTable, ...] = ()
    relatedness: tuple[RelatednessEntry, ...] = ()
    frameworks: tuple[AdmissionFramework, ...] = ()
    qualification_scopes: tuple[QualificationScope, ...] = ()
    degree_aliases: tuple[DegreeAlias, ...] = ()
    provider_offerings: tuple[ProviderOffering, ...] = ()


@frozen(kw_only=True)
class Origin:
    """Where an entry was read: file, field path and line."""

    file: str | None = None
    path: str = "$"
    line: int | None = None


_SECTIONS = tuple(a.name for a in fields(CatalogueFile) if a.name not in ("title", "description", "retrieved"))
"""The data sections of a catalogue file, in file order; :class:`Catalogue` has one field for each."""


def _index(items: tuple[Any, ...]) -> dict[str, Any]:
    return {item.id: item for item in items}


@frozen(kw_only=True, eq=False)
class Catalogue:
    """A whole, checked catalogue. Build it with :func:`leraarroutes.load_catalogue`.

    >>> from leraarroutes import load_catalogue
    >>> catalogue: Catalogue = load_catalogue()
    >>> catalogue.programme("pabo").name, catalogue.subject("natuurkunde").name_en
    ('Pabo (hbo-bachelor leraar basisonderwijs)', 'Physics')
    """

    subjects: tuple[Subject, ...] = ()
    programmes: tuple[Programme, ...] = ()
    relatedness_tables: tuple[RelatednessTable, ...] = ()
    relatedness: tuple[RelatednessEntry, ...] = ()
    frameworks: tuple[AdmissionFramework, ...] = ()
    qualification_scopes: tuple[QualificationScope, ...] = ()
    degree_aliases: tuple[DegreeAlias, ...] = ()
    provider_offerings: tuple[ProviderOffering, ...] = ()
    files: tuple[str, ...] = ()
    sources_date: str | None = None
    """The newest date its sources were read (a file's ``retrieved``, a source's ``retrieved``), or None
    when no source is dated; ``YYYY-MM`` when only the month is known."""
    _subjects: dict[str, Subject] = field(init=False, repr=False)
    _offers: dict[str, tuple[ProviderOffering, ...]] = field(init=False, repr=False)
    _offers_for: dict[str, tuple[ProviderOffering, ...]] = field(init=False, repr=False, factory=dict)
    _programmes: dict[str, Programme] = field(init=False, repr=False)
    _offerings: dict[str, Programme] = field(init=False, repr=False)
    _tables: dict[str, RelatednessTable] = field(init=False, repr=False)
    _rows: dict[tuple[str, str], tuple[RelatednessEntry, ...]] = field(init=False, repr=False)
    _names: dict[str, frozenset[str]] = field(init=False, repr=False)
    _croho_names: dict[int, frozenset[str]] = field(init=False, repr=False)
    _version: list[str] = field(init=False, repr=False, factory=list)  # computed once, on first use
    _related: dict[tuple[str, str, dt.date | None], _RelatedRows] = field(init=False, repr=False, factory=dict)
    _table_starts: dict[str, list[dt.date]] = field(init=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        # Indexes are derived once; the frozen instance stays immutable to its users.
        setter = object.__setattr__
        setter(self, "_subjects", _index(self.subjects))
        setter(self, "_programmes", _index(self.programmes))
        setter(
            self,
            "_offerings",
            {o.id: o for p in self.programmes for o in p.offerings()},
        )
        setter(self, "_tables", _index(self.relatedness_tables))
        rows: dict[tuple[str, str], list[RelatednessEntry]] = defaultdict(list)
        for row in self.relatedness:
            rows[row.table, row.subject].append(row)
        setter(self, "_rows", {k: tuple(v) for k, v in rows.items()})
        names: dict[str, set[str]] = defaultdict(set)
        croho: dict[int, set[str]] = defaultdict(set)
        for row in self.relatedness:
            names[row.programme.casefold()].add(row.programme.casefold())
            if row.croho is not None:
                croho[row.croho].add(row.programme.casefold())
        for a in self.degree_aliases:
            names[a.alias.casefold()].add(a.programme.casefold())
            names[a.programme.casefold()].add(a.alias.casefold())
        setter(self, "_names", {k: frozenset(v | {k}) for k, v in names.items()})
        offers: dict[str, list[ProviderOffering]] = defaultdict(list)
        for offer in self.provider_offerings:
            offers[offer.programme].append(offer)
        setter(self, "_offers", {k: tuple(v) for k, v in offers.items()})
        setter(self, "_croho_names", {k: frozenset(v) for k, v in croho.items()})

    @property
    def version(self) -> str:
        """A fingerprint of the catalogue's content: the first 12 hex digits of its SHA-256.

        Two catalogues with the same programmes, tables, scopes and offerings have the same
        version, whatever files they came from; an answer that names it can be traced to its data.

        >>> from leraarroutes import load_catalogue
        >>> len(load_catalogue().version), load_catalogue().version == load_catalogue().version
        (12, True)
        """
        if not self._version:
            content = dumps(CatalogueFile(**{section: getattr(self, section) for section in _SECTIONS}), "json")
            self._version.append(hashlib.sha256(content.encode("utf-8")).hexdigest()[:12])
        return self._version[0]

    def _repr_html_(self) -> str:
        """The catalogue in a notebook: its size and versions, then one row per programme."""
        head = (
            f"{len(self.programmes)} programma's, {len(self.subjects)} vakken, "
            f"{len(self.provider_offerings)} aanbiedingen; versie {self.version}"
            + (f", bronnen gelezen tot {self.sources_date}" if self.sources_date else "")
        )
        rows = [
            (p.id, p.name, p.sector.value, p.kind.value, p.ec, len(self._offers.get(p.id, ())), len(p.unconfirmed))
            for p in sorted(self.programmes, key=lambda p: (p.sector.value, p.kind.value, p.id))
        ]
        columns = ("id", "naam", "sector", "soort", "EC", "aanbod", "onbevestigd")
        return _html.paragraph(head) + _html.table(columns, rows)

    # lookups -------------------------------------------------------------------------------

    def subject(self, subject_id: str) -> Subject:
        """The subject with this slug; raise :class:`UnknownNameError` with close matches."""
        return _lookup(self._subjects, subject_id, "subject")

    def qualification_name(self, qualification: Qualification | str, lang: str = "nl") -> str:
        """A qualification in words: its kind and, for a subject, the subject's name.

        >>> from leraarroutes import load_catalogue
        >>> load_catalogue().qualification_name("eerstegraads:geschiedenis")
        'eerstegraads Geschiedenis en staatsinrichting'
        >>> load_catalogue().qualification_name("po", "en")
        'primary school'
        """
        q = qualification if isinstance(qualification, Qualification) else Qualification.parse(str(qualification))
        kind = q.kind.label(lang)
        if q.subject is None:
            return kind
        subject = self._subjects.get(q.subject)
        return f"{kind} {subject.label(lang) if subject else q.subject}"

    def programme(self, programme_id: str) -> Programme:
        """A programme, or a per-subject offering ``"<id>/<subject>"``, by id."""
        if programme_id in self._offerings:
            return self._offerings[programme_id]
        return _lookup(self._programmes, programme_id, "programme")

    def offerings(self, *, as_of: dt.date | None = None) -> Iterator[Programme]:
        """Every programme for every subject it is offered for, valid on ``as_of`` if given."""
        for offering in self._offerings.values():
            if as_of is None or offering.valid_on(as_of):
                yield offering

    def offers_for(self, programme_id: str) -> tuple[ProviderOffering, ...]:
        """Where a programme (or a per-subject offering ``"<id>/<subject>"``) is given.

        For an offering, the provider offerings of its programme for that subject, and those whose
        source names no subjects (they may give it; their page says).
        """
        known = self._offers_for.get(programme_id)
        if known is None:
            base, _, subject = programme_id.partition("/")
            offers = [o for o in self._offers.get(base, ()) if o.gives(subject or None) is not False]
            # the offerings that surely give it first, then those whose source does not say
            known = tuple(sorted(offers, key=lambda o: o.gives(subject or None) is not True))
            self._offers_for[programme_id] = known  # a cache of a pure function of the frozen data
        return known

    def table(self, table_id: str) -> RelatednessTable:
        """A relatedness table by id."""
        return _lookup(self._tables, table_id, "relatedness table")

    def rows(self, table_id: str, subject: str, on: dt.date | None = None) -> tuple[RelatednessEntry, ...]:
        """The rows of a relatedness table for one subject, in force on ``on`` when given."""
        rows = self._rows.get((table_id, subject), ())
        return rows if on is None else tuple(r for r in rows if r.valid_on(on))

    def rows_in_force(self, table_id: str, on: dt.date) -> tuple[RelatednessEntry, ...]:
        """Every row of a relatedness table in force on ``on``."""
        return tuple(r for r in self.relatedness if r.table == table_id and r.valid_on(on))

    def scopes(self, on: dt.date) -> tuple[QualificationScope, ...]:
        """The qualification scopes in force on ``on``."""
        return tuple(s for s in self.qualification_scopes if s.valid_on(on))

    def teaches(self, on: dt.date) -> dict[QualificationKind, tuple[SchoolSetting, ...]]:
        """Per kind of qualification, the school settings it lets its holder teach in on ``on``.

        >>> import datetime as dt
        >>> from leraarroutes import QualificationKind, load_catalogue
        >>> [str(s) for s in load_catalogue().teaches(dt.date(2024, 1, 1))[QualificationKind.BEPERKT_TWEEDEGRAADS]]
        ['vmbo', 'onderbouw-havo-vwo']
        """
        return {scope.kind: scope.settings for scope in self.scopes(on)}

    def as_file(self, title: str | None = None) -> CatalogueFile:
        """The catalogue as the contents of one catalogue file (what :func:`~leraarroutes.save` writes).

        >>> from leraarroutes import load_catalogue
        >>> content = load_catalogue().as_file("alles")
        >>> content.title, len(content.programmes) == len(load_catalogue().programmes)
        ('alles', True)
        """
        return CatalogueFile(title=title, **{section: getattr(self, section) for section in _SECTIONS})

    def kinds(self) -> frozenset[ProgrammeKind]:
        """The programme kinds this catalogue has programmes of."""
        return frozenset(p.kind for p in self.programmes)

    def check_profile(self, profile: Profile, *, file: str | None = None) -> tuple[str, ...]:  # noqa: C901, PLR0912 - one check per field
        """Check a profile's names against the catalogue; return notes on what rules cannot use.

        Raises :class:`~leraarroutes.ProfileError` for an unknown subject or programme id (with
        the closest valid names). Degree names the catalogue does not know are not errors: they
        come back as notes, since rules cannot use them.
        """

        def subject(value: str | None, path: str) -> None:
            if value is not None and value not in self._subjects:
                hint = did_you_mean(value, self._subjects, n=3)
                raise ProfileError(f"unknown subject {value!r}{hint}", path=path, file=file)

        for i, d in enumerate(profile.diplomas):
            for j, s in enumerate(d.exam_subjects):
                subject(s, f"$.diplomas[{i}].exam_subjects[{j}]")
        for s, _ec in profile.subject_ec:
            subject(s, f"$.subject_ec.{s}")
        if profile.job is not None:
            subject(profile.job.subject, "$.job.subject")
        for i, q in enumerate(profile.qualifications):
            subject(q.subject, f"$.qualifications[{i}]")
        for i, pid in enumerate(profile.completed):
            if pid not in self._offerings:
                hint = did_you_mean(pid, self._offerings, n=3)
                raise ProfileError(f"unknown programme {pid!r}{hint}", path=f"$.completed[{i}]", file=file)
        notes = []
        degrees: tuple[Diploma | Study, ...] = (*profile.diplomas, *profile.studying)
        for i, degree in enumerate(degrees):
            if degree.programme is None and degree.croho is None:
                continue
            where = f"diplomas[{i}]" if i < len(profile.diplomas) else f"studying[{i - len(profile.diplomas)}]"
            found = self.identify(degree)
            if found.identified:
                continue
            label = degree.programme if degree.programme is not None else f"CROHO {degree.croho}"
            if found.status == "ambiguous":
                options = "; ".join(d.describe("en") for d in found.candidates)
                notes.append(f"$.{where}: {label!r} fits several programmes: {options}; give its CROHO code (croho:)")
            elif not self.knows_degree(degree):
                notes.append(
                    f"$.{where}: {label!r} is not in the degree register; rules that ask which programme it "
                    "was cannot use it (look it up with `leraarroutes degree`)"
                )
        if profile.bachelor_not_given:
            notes.append(
                "$.diplomas: a master without the bachelor before it; routes that look at the bachelor "
                "(educatieve minor, module and masters) treat it as missing: add it with its programme"
            )
        return tuple(notes)

    def context(self, as_of: dt.date | None = None) -> RuleContext:
        """The rule context for questions asked on ``as_of``."""
        return _CatalogueContext(catalogue=self, as_of=as_of)

    # used by the rule context ------------------------------------------------------------

    def degree_names(self, degree: Diploma | Study) -> frozenset[str] | None:
        """The lower-case names a degree is known by (its own, aliases, CROHO, the register), or None."""
        names: set[str] = set()
        croho = self.croho_of(degree)
        if croho is not None:
            names |= self._croho_names.get(croho, frozenset())
            if load_register().known(croho):
                register_degree = load_register().degree(croho)
                names |= {n.casefold() for n in (register_degree.name, *register_degree.also)}
        if degree.programme is not None:
            own = degree.programme.strip().casefold()
            names |= self._names.get(own, frozenset({own}))
        return frozenset(names) if names else None

    def knows_degree(self, degree: Diploma | Study) -> bool:
        """Whether the catalogue (or the degree register) knows the degree's CROHO code or name."""
        if degree.croho is not None and degree.croho in self._croho_names:
            return True
        if degree.programme is not None and degree.programme.strip().casefold() in self._names:
            return True
        return self.identify(degree).identified

    def identify(self, degree: Diploma | Study) -> Identification:
        """Which programme of the degree register ``degree`` is: identified, ambiguous or unknown."""
        return load_register().identify(degree)

    def croho_of(self, degree: Diploma | Study) -> int | None:
        """The degree's CROHO code: its own, else the one its name identifies in the register."""
        if degree.croho is not None:
            return degree.croho
        found = self.identify(degree)
        return found.degree.croho if found.degree is not None else None


def _lookup(index: Mapping[str, _T], key: str, what: str) -> _T:
    try:
        return index[key]
    except KeyError:
        hint = did_you_mean(key, index, n=3)
        raise UnknownNameError(f"unknown {what} {key!r}{hint}") from None


@frozen(kw_only=True)
class _CatalogueContext:
    catalogue: Catalogue
    as_of: dt.date | None = None

    def degree_names(self, degree: Diploma | Study) -> frozenset[str] | None:
        return self.catalogue.degree_names(degree)

    def _known(self, programme: ProgrammeId) -> Programme | None:
        """The programme or offering, or None: no suggestions worked out for a name never shown."""
        catalogue = self.catalogue
        return catalogue._offerings.get(programme) or catalogue._programmes.get(programme)  # noqa: SLF001 - its own

    def programme_kind(self, programme: ProgrammeId) -> str | None:
        found = self._known(programme)
        return None if found is None else found.kind.value

    def programme_name(self, programme: ProgrammeId, lang: str) -> str | None:
        found = self._known(programme)
        if found is None:
            return None
        name = found.name_en if lang == "en" and found.name_en else found.name
        subject = offering_subject(programme)
        if subject is None:
            return name
        known = self.catalogue._subjects.get(subject)  # noqa: SLF001 - the context is the catalogue's own
        return f"{name} ({known.label(lang) if known else subject})"

    def subject_name(self, subject: SubjectId, lang: str) -> str | None:
        known = self.catalogue._subjects.get(subject)  # noqa: SLF001 - the context is the catalogue's own
        return None if known is None else known.label(lang)

    def is_vocational(self, subject: SubjectId) -> bool | None:
        known = self.catalogue._subjects.get(subject)  # noqa: SLF001 - the context is the catalogue's own
        return None if known is None else known.vocational

    def relatedness(self, table: str, subject: SubjectId, degree: Diploma | Study) -> Reason:  # noqa: C901, PLR0911 - one answer per case of the table
        cat = self.catalogue
        tab = cat.table(table)
        label = degree.programme or (f"CROHO {degree.croho}" if degree.croho else degree.level.value)
        if degree.croho is None and degree.programme is None:
            return Reason(
                truth=Truth.UNKNOWN,
                nl=f"naam en CROHO-code van de {degree.level.value} ontbreken; verwantschap met {subject} onbekend",
                en=f"name and CROHO code of the {degree.level.value} are missing; relatedness to {subject} unknown",
            )
        croho = degree.croho if degree.croho is not None else cat.croho_of(degree)
        index = _related_rows(cat, table, subject, self.as_of)
        rows = index.of(degree, croho, cat)
        institution_unknown = False
        for row in rows:
            if not row.universities:
                return _related(label, subject, tab)
            if degree.institution is None:
                institution_unknown = True
            elif same_institution(degree.institution, row.universities):
                return _related(label, subject, tab)
        if institution_unknown:
            allowed = "; ".join(sorted({u for r in rows for u in r.universities}))
            return Reason(
                truth=Truth.UNKNOWN,
                nl=f"{label} telt voor {subject} alleen van {allowed}; instelling niet opgegeven",
                en=f"{label} counts for {subject} only from {allowed}; institution not given",
            )
        if rows:
            allowed = "; ".join(sorted({u for r in rows for u in r.universities}))
            return Reason(
                truth=Truth.NO,
                nl=f"{label} telt voor {subject} alleen van {allowed}",
                en=f"{label} counts for {subject} only from {allowed}",
            )
        identified = croho is not None and load_register().known(croho)
        if tab.complete or (tab.designates and identified):
            as_of = index.text_date
            later = ""
            if tab.changes_missing_from is not None and (self.as_of is None or self.as_of >= tab.changes_missing_from):
                later = f"; wijzigingen vanaf {tab.changes_missing_from:%d-%m-%Y} staan niet in de gegevens"
                later_en = f"; changes from {tab.changes_missing_from:%Y-%m-%d} on are not in the data"
            else:
                later_en = ""
            related = index.examples
            hint_nl = f"; verwant zijn bijvoorbeeld {', '.join(related)}" if related else ""
            hint_en = f"; related are for example {', '.join(related)}" if related else ""
            return Reason(
                truth=Truth.NO,
                nl=f"{label} is niet verwant aan {subject}: niet in de {tab.name}{as_of[0]}{later}{hint_nl}",
                en=f"{label} is not related to {subject}: not in the {tab.name}{as_of[1]}{later_en}{hint_en}",
            )
        if tab.designates:
            return Reason(
                truth=Truth.UNKNOWN,
                nl=f"{label} is niet te herkennen in het opleidingenregister; met de CROHO-code is te zien "
                f"of het verwant is aan {subject} ({tab.name})",
                en=f"{label} cannot be identified in the degree register; its CROHO code tells whether it is "
                f"related to {subject} ({tab.name})",
            )
        return Reason(
            truth=Truth.UNKNOWN,
            nl=f"{label} staat niet bij {subject} in de {tab.name}, waarvan alleen voorbeelden bekend zijn; "
            "de opleiding beslist",
            en=f"{label} is not listed for {subject} in the {tab.name}, of which only examples are known; "
            "the programme decides",
        )


MAX_RELATED_INDEXES = 4096
"""Most (table, subject, date) row indexes a catalogue keeps; past it they are built afresh."""


@frozen
class _RelatedRows:
    """The rows of one table for one subject in force on a date, looked up directly.

    By (level, CROHO code) and by (level, lower-case programme name), with what a "not related"
    answer shows: the date of the table's text and up to three related programmes.
    """

    by_croho: Mapping[tuple[Level, int], tuple[RelatednessEntry, ...]]
    by_name: Mapping[tuple[Level, str], tuple[RelatednessEntry, ...]]
    text_date: tuple[str, str]
    examples: tuple[str, ...]

    def of(self, degree: Diploma | Study, croho: int | None, cat: Catalogue) -> tuple[RelatednessEntry, ...]:
        """The rows for ``degree``: by its CROHO code when known, else by the names it is known by."""
        if croho is not None:
            return self.by_croho.get((degree.level, croho), ())
        names = cat.degree_names(degree) or frozenset()
        return tuple(r for name in sorted(names) for r in self.by_name.get((degree.level, name), ()))


def _related_rows(cat: Catalogue, table: str, subject: str, as_of: dt.date | None) -> _RelatedRows:
    """The direct lookup of ``table``'s rows for ``subject`` on ``as_of``, built once and kept."""
    kept = cat._related  # noqa: SLF001 - the context is the catalogue's own
    key = (table, subject, as_of)
    found = kept.get(key)
    if found is None:
        rows = cat.rows(table, subject, as_of)
        by_croho: dict[tuple[Level, int], list[RelatednessEntry]] = defaultdict(list)
        by_name: dict[tuple[Level, str], list[RelatednessEntry]] = defaultdict(list)
        for r in rows:
            if r.croho is not None:
                by_croho[r.level, r.croho].append(r)
            by_name[r.level, r.programme.casefold()].append(r)
        listed = {r.programme for r in rows if not r.universities}
        found = _RelatedRows(
            by_croho={k: tuple(v) for k, v in by_croho.items()},
            by_name={k: tuple(v) for k, v in by_name.items()},
            text_date=_table_date(cat, table, as_of),
            examples=tuple(sorted(listed, key=lambda n: (n.casefold() != subject.replace("-", " "), n))[:3]),
        )
        if len(kept) >= MAX_RELATED_INDEXES:
            kept.clear()
        kept[key] = found
    return found


def _table_date(cat: Catalogue, table: str, as_of: dt.date | None) -> tuple[str, str]:
    """The date of the table's text in force, as " (tekst van 02-10-2015)", when its rows are dated."""
    starts = cat._table_starts.get(table)  # noqa: SLF001 - the context is the catalogue's own
    if starts is None:
        starts = cat._table_starts[table] = [  # noqa: SLF001
            r.valid_from for r in cat.relatedness if r.table == table and r.valid_from is not None
        ]
    if as_of is not None:
        starts = [d for d in starts if d <= as_of]
    if not starts:
        return "", ""
    latest = max(starts)
    return f" (tekst van {latest:%d-%m-%Y})", f" (text of {latest:%Y-%m-%d})"


def _related(label: str, subject: str, table: RelatednessTable) -> Reason:
    return Reason(
        truth=Truth.YES,
        nl=f"{label} is verwant aan {subject} volgens {table.name}",
        en=f"{label} is related to {subject} under {table.name}",
    )
