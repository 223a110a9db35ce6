"""Checking a whole catalogue: ids, references, subjects, dates, and the costs the register gives.

:func:`check` turns the sections read from catalogue files into a :class:`Catalogue`, or raises
:class:`~leraarroutes.CatalogueError` naming the file, entry and field.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import attrs

from leraarroutes._validate import did_you_mean
from leraarroutes.catalogue.catalogue import MAX_PROGRAMMES, Catalogue, Origin
from leraarroutes.catalogue.offers import ProviderOffering
from leraarroutes.catalogue.programmes import Cost, Programme, ProgrammeKind
from leraarroutes.errors import CatalogueError
from leraarroutes.ids import SUBJECT_PLACEHOLDER
from leraarroutes.model.relatedness import AdmissionFramework
from leraarroutes.rules import (
    AllOf,
    AnyOf,
    ExamSubject,
    HasCompleted,
    HasDiploma,
    HasJob,
    HoldsQualification,
    IsStudying,
    Rule,
    SubjectEc,
    VocationalSubject,
)

__all__ = ["check", "stuck_offerings"]


# checking a whole catalogue ---------------------------------------------------------------


def check(parts: Mapping[str, list[tuple[Any, Origin]]], files: tuple[str, ...]) -> Catalogue:  # noqa: C901, PLR0912 - one check per section
    """Build a :class:`Catalogue` from the sections of its files, or raise :class:`CatalogueError`.

    Refuses duplicate ids, references to unknown subjects, tables, frameworks and programmes,
    placeholders outside per-subject programmes, and dates in the future for read sources.
    """
    if len(parts["programmes"]) > MAX_PROGRAMMES:
        _item, origin = parts["programmes"][MAX_PROGRAMMES]
        raise _error(
            origin,
            f"more than {MAX_PROGRAMMES:,} programmes; the limit is leraarroutes.catalogue.MAX_PROGRAMMES",
        )
    for section in ("subjects", "programmes", "relatedness_tables", "frameworks"):
        seen: dict[str, Origin] = {}
        for item, origin in parts[section]:
            if item.id in seen:
                first = seen[item.id]
                where = f"{first.file}:{first.line}" if first.line else str(first.file)
                raise _error(origin, f"duplicate id {item.id!r} (first defined at {where})", ".id")
            seen[item.id] = origin
    subjects = {s.id for s, _ in parts["subjects"]}
    tables = {t.id for t, _ in parts["relatedness_tables"]}
    frameworks = {f.id: f for f, _ in parts["frameworks"]}
    programmes = {p.id: p for p, _ in parts["programmes"]}
    kinds = {k.value for k in ProgrammeKind}

    def need_subject(value: str | None, origin: Origin, where: str) -> None:
        if value is None or value == SUBJECT_PLACEHOLDER or value in subjects:
            return
        hint = did_you_mean(value, sorted(subjects))
        raise _error(origin, f"unknown subject {value!r}{hint}", where)

    for row, origin in parts["relatedness"]:
        if row.table not in tables:
            raise _error(
                origin,
                f"unknown relatedness table {row.table!r}; known: {', '.join(sorted(tables))}",
                ".table",
            )
        need_subject(row.subject, origin, ".subject")
    for programme, origin in parts["programmes"]:
        for i, s in enumerate(programme.subjects):
            need_subject(s, origin, f".subjects[{i}]")
        if not programme.per_subject and programme.uses_placeholder():
            raise _error(origin, "uses {subject} but lists no subjects", ".subjects")
        for q_index, q in enumerate(programme.grants.qualifications):
            need_subject(q.subject, origin, f".grants.qualifications[{q_index}]")
        rules = [(".entry", programme.entry)] + [
            (f".exemptions[{i}].when", e.when) for i, e in enumerate(programme.exemptions)
        ]
        for where, rule in rules:
            _check_rule(
                rule,
                origin=origin,
                where=where,
                need_subject=need_subject,
                tables=tables,
                frameworks=frameworks,
                programmes=programmes,
                kinds=kinds,
            )
        for i, source in enumerate(programme.sources):
            if source.retrieved is not None and source.retrieved > dt.date.today():
                raise _error(
                    origin,
                    f"source read on {source.retrieved}, a date in the future",
                    f".sources[{i}].retrieved",
                )
    for offer, origin in parts["provider_offerings"]:
        programme = programmes.get(offer.programme)
        if programme is None:
            hint = did_you_mean(offer.programme, sorted(programmes))
            raise _error(origin, f"an offering of unknown programme {offer.programme!r}{hint}", ".programme")
        for i, s in enumerate(offer.subjects):
            if s not in programme.subjects:
                raise _error(
                    origin,
                    f"{offer.institution} offers {offer.programme} for {s!r}, which the programme does not list "
                    f"(it lists: {', '.join(programme.subjects) or 'no subjects'})",
                    f".subjects[{i}]",
                )
    for value, origin in parts.get("retrieved", ()):
        if value > dt.date.today().isoformat():  # ISO text compares as the date does, a month too
            raise _error(origin, f"read on {value}, a date in the future")
    read = [value for value, _ in parts.get("retrieved", ())]
    read += [s.retrieved.isoformat() for p, _ in parts["programmes"] for s in p.sources if s.retrieved]
    built = {k: tuple(item for item, _ in v) for k, v in parts.items() if k != "retrieved"}
    built["programmes"] = tuple(_with_tuition(p, parts["provider_offerings"]) for p in built["programmes"])
    sources_date = max(read, default=None)
    catalogue = Catalogue(**built, files=files, sources_date=sources_date)
    _check_enterable(catalogue, {p.id: origin for p, origin in parts["programmes"]})
    return catalogue


def _check_enterable(catalogue: Catalogue, origins: Mapping[str, Origin]) -> None:
    """Refuse an offering whose entry asks for completing itself, directly or through others."""
    stuck = stuck_offerings(catalogue)
    if stuck:
        first = stuck[0]
        base = first.id.split("/", 1)[0]
        names = ", ".join(o.id for o in stuck[:_NAMED])
        if len(stuck) > _NAMED:
            names += f" and {len(stuck) - _NAMED} more"
        raise _error(
            origins.get(base, origins.get(first.id, Origin(file="?", path="$", line=None))),
            f"{first.id} can never be entered: its entry asks for completing {first.id} itself, or a programme "
            f"that needs it first (never enterable: {names})",
            ".entry",
        )


_NAMED = 5
"""Most offerings a message names."""


def stuck_offerings(catalogue: Catalogue) -> list[Programme]:
    """The offerings no one can ever enter because their entry asks for completing themselves.

    An offering is enterable in principle when every completion its entry rule asks for can be
    met by an offering that is itself enterable in principle; everything else a rule asks (a
    diploma, a job, a decision) is taken as possible. What stays out after the fixpoint asks
    for itself: a cycle of completions nobody can start.
    """
    offerings = list(catalogue.offerings())
    by_kind: dict[str, list[str]] = {}
    for o in offerings:
        by_kind.setdefault(o.kind.value, []).append(o.id)
    enterable: set[str] = set()
    # a worklist: an offering is looked at again only when one it may ask for became enterable
    waiting: dict[str, list[Programme]] = {}
    for o in offerings:
        for node in o.entry.walk():
            if isinstance(node, HasCompleted):
                for asked in _options(node, by_kind):
                    waiting.setdefault(asked, []).append(o)
    queue = list(offerings)
    while queue:
        o = queue.pop()
        if o.id not in enterable and _possible(o.entry, enterable, by_kind):
            enterable.add(o.id)
            queue.extend(waiting.pop(o.id, ()))
    return [o for o in offerings if o.id not in enterable]


def _options(rule: HasCompleted, by_kind: Mapping[str, list[str]]) -> list[str]:
    """The offerings whose completion meets ``rule``."""
    return [*rule.programmes, *(by_kind.get(rule.kind, []) if rule.kind else [])]


def _possible(rule: Rule, enterable: set[str], by_kind: Mapping[str, list[str]]) -> bool:
    """Whether ``rule`` can hold once the ``enterable`` offerings may have been completed."""
    if isinstance(rule, AllOf):
        return all(_possible(r, enterable, by_kind) for r in rule.rules)
    if isinstance(rule, AnyOf):
        return any(_possible(r, enterable, by_kind) for r in rule.rules)
    if isinstance(rule, HasCompleted):
        return any(o in enterable for o in _options(rule, by_kind))
    return True  # a negation or any other fact: not a completion asked for


TUITION_SOURCE = (
    "https://github.com/onderwijsin/navigator-data-generator/tree/720272c196d21ac92ba2f772784d5042e421f87a/output/hovi"
)


def _with_tuition(programme: Programme, offers: list[tuple[ProviderOffering, Origin]]) -> Programme:
    """A programme with the legal tuition of its register offerings as its cost, when it states none.

    The legal fee is the same at every funded institution; per academic year the amount most
    offerings give is taken. A programme that states a one-off price keeps it; one that states
    yearly fees keeps those and gets the register's fee for the academic years it does not state.
    """
    stated = [c for c in programme.costs if c.payer == "deelnemer"]
    if any(not c.per_year for c in stated):
        return programme
    stated_years = {c.period[:4] for c in stated}
    per_year: dict[int, list[int]] = defaultdict(list)
    for offer, _origin in offers:
        if offer.programme == programme.id:
            for fee in offer.tuition:
                per_year[fee.year].append(fee.eur)
    if not per_year:
        return programme
    from_register = tuple(
        Cost(
            amount_eur=max(set(amounts), key=amounts.count),
            period=f"{year}-{year + 1}",
            payer="deelnemer",
            what="wettelijk collegegeld",
            source=TUITION_SOURCE,
            per_year=True,
        )
        for year, amounts in sorted(per_year.items())
        if str(year) not in stated_years
    )
    return attrs.evolve(programme, costs=(*programme.costs, *from_register))


def _check_rule(  # noqa: C901, PLR0912 - one branch per kind of rule leaf
    rule: Rule,
    *,
    origin: Origin,
    where: str,
    need_subject: Any,  # noqa: ANN401 - a local callable
    tables: set[str],
    frameworks: Mapping[str, AdmissionFramework],
    programmes: Mapping[str, Programme],
    kinds: set[str],
) -> None:
    for node in rule.walk():
        if isinstance(node, (HasDiploma, IsStudying)):
            need_subject(node.related_to, origin, where)
            if node.table is not None and node.table not in tables:
                raise _error(
                    origin,
                    f"unknown relatedness table {node.table!r}; known: {', '.join(sorted(tables))}",
                    where,
                )
        elif isinstance(node, (HasJob, SubjectEc)):
            need_subject(node.subject, origin, where)
            if isinstance(node, SubjectEc) and node.framework is not None:
                fw = frameworks.get(node.framework)
                if fw is None:
                    raise _error(
                        origin,
                        f"unknown framework {node.framework!r}; known: {', '.join(sorted(frameworks))}",
                        where,
                    )
                ours = (node.min_ec, node.max_deficiency_ec, node.deficiency_kind)
                if (fw.min_subject_ec, fw.max_deficiency_ec, fw.deficiency_kind) != ours:
                    raise _error(
                        origin,
                        f"subject_ec settings {ours} differ from framework {fw.id} "
                        f"({fw.min_subject_ec}, {fw.max_deficiency_ec}, {fw.deficiency_kind})",
                        where,
                    )
        elif isinstance(node, ExamSubject):
            for s in node.subjects:
                need_subject(s, origin, where)
        elif isinstance(node, VocationalSubject):
            need_subject(node.subject, origin, where)
        elif isinstance(node, HoldsQualification):
            need_subject(node.qualification.subject, origin, where)
        elif isinstance(node, HasCompleted):
            if node.kind is not None and node.kind not in kinds:
                raise _error(origin, f"unknown programme kind {node.kind!r}", where)
            for pid in node.programmes:
                base = pid.split("/", 1)[0]
                if base not in programmes:
                    hint = did_you_mean(base, sorted(programmes))
                    raise _error(origin, f"refers to unknown programme {pid!r}{hint}", where)


def _error(origin: Origin, message: str, subpath: str = "") -> CatalogueError:
    return CatalogueError(message, path=origin.path + subpath, file=origin.file, line=origin.line)
