"""Why a programme on the way to a target is closed, and the smallest changes that would open it.

>>> import datetime as dt
>>> from leraarroutes import Diploma, Level, Profile, load_catalogue
>>> havo = Profile(diplomas=(Diploma(level=Level.HAVO),))
>>> pwpo = next(b for b in explain(load_catalogue(), havo, "po", as_of=dt.date(2024, 1, 1)) if b.programme == "pwpo")
>>> [r.nl for r in pwpo.would_open]
['diploma vwo']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from leraarroutes import _validate
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.programmes import Programme
from leraarroutes.engine._graph import Links, programme_links
from leraarroutes.engine.routes import Blocked, Explanation, _check_catalogue, _check_profile, _target
from leraarroutes.errors import UnknownNameError
from leraarroutes.ids import offering_subject
from leraarroutes.model.education import Diploma, Level
from leraarroutes.model.profile import Job, Profile
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules import (
    HasCompleted,
    HasDiploma,
    HasJob,
    HoldsQualification,
    Reason,
    SubjectEc,
    Truth,
)
from leraarroutes.rules.degrees import DEGREES, SECONDARY_ENTRY

__all__ = ["explain"]


def explain(
    catalogue: Catalogue,
    profile: Profile,
    target: str | Qualification,
    *,
    as_of: dt.date | None = None,
) -> Explanation:
    """The programmes on the way to ``target`` that ``profile`` cannot enter now.

    Each comes with the failed requirements (and their sources) and the single changes that would
    open it, smallest first: EC of subject content, a completed programme (by name), a
    qualification, a job at a school, a diploma of a level the person does not already meet.
    Raises :class:`~leraarroutes.UnknownNameError` for a malformed target.

    >>> from leraarroutes import Diploma, Level, Profile, load_catalogue
    >>> jurist = Profile(diplomas=(Diploma(level=Level.WO_MASTER, programme="Rechten"),))
    >>> closed = explain(load_catalogue(), jurist, "eerstegraads:geschiedenis", as_of=dt.date(2024, 1, 1))
    >>> master: Blocked = next(b for b in closed if b.programme == "educatieve-master-2jr/geschiedenis")
    >>> [r.nl for r in master.would_open]
    ['eerst Premaster educatieve master (UU) voor hbo-afgestudeerden (geschiedenis) afronden']
    """
    day = _validate.day(as_of)
    _check_catalogue(catalogue)
    goal = _target(target, catalogue)
    if goal is None:
        raise UnknownNameError("explain needs a target qualification")
    _check_profile(profile)
    links = programme_links(catalogue, day)
    context = catalogue.context(day)
    blocked = []
    for n in _specific_ancestors(links, goal):
        p: Programme = links.by_id[n]
        if p.id in profile.completed or p.entry.truth(profile, context) is not Truth.NO:
            continue  # most programmes on the way are open or conditional: their reasons are not written out
        verdict = p.entry.evaluate(profile, context)
        openers = [
            label
            for label, changed in _single_changes(p, profile, links)
            if p.entry.truth(changed, context) is not Truth.NO
        ]
        blocked.append(
            Blocked(
                programme=p.id,
                kind=p.kind.value,
                reasons=verdict.reasons,
                would_open=tuple(dict.fromkeys(openers)),
                sources=tuple(str(s) for s in p.sources),
            )
        )
    return Explanation(blocked)


def _specific_ancestors(links: Links, goal: Qualification) -> tuple[str, ...]:
    """Programmes granting ``goal``, and those linked to them by a specific requirement, in id order.

    Specific means a completion, qualification or deficiency link, not merely a shared diploma level.
    They depend on the links and the goal alone, so they are worked out once per goal and kept.
    """
    kept: dict[Qualification, tuple[str, ...]] = links.derived.setdefault("specific_ancestors", {})
    known = kept.get(goal)
    if known is None:
        known = kept[goal] = tuple(sorted(_ancestors_of(links, goal)))
    return known


def _ancestors_of(links: Links, goal: Qualification) -> set[str]:
    found: set[str] = {p.id for p in links.offerings if any(q.includes(goal) for q in p.grants.qualifications)}
    todo = list(found)
    while todo:
        n = todo.pop()
        for pred in links.preparers[n]:
            if pred not in found and links.via[pred, n] not in ("diploma", "exemption"):
                found.add(pred)
                todo.append(pred)
    return found


def _change(nl: str, en: str) -> Reason:
    return Reason(truth=Truth.YES, nl=nl, en=en)


def _single_changes(p: Programme, profile: Profile, links: Links) -> Iterable[tuple[Reason, Profile]]:  # noqa: C901 - one proposal per kind of rule
    """One-fact changes to ``profile`` that could open ``p``, each with its label, smallest first.

    A change the person already meets is never proposed (a diploma of a level they hold, or one
    their degree stands in for); programmes are named by name, not id.
    """
    yield from _ec_changes(p, profile, links)
    for pred in links.preparers[p.id]:
        if links.via[pred, p.id] not in ("completed", "deficiency"):
            continue
        q: Programme = links.by_id[pred]
        yield (
            _change(f"eerst {_named(q)} afronden", f"first complete {_named(q, 'en')}"),
            profile.gain(programme=q.id, qualifications=q.grants.qualifications, diplomas=q.grants.diplomas),
        )
    for node in p.entry.walk():
        if isinstance(node, HoldsQualification):
            q_text = str(node.qualification)
            yield (
                _change(f"bevoegdheid {q_text}", f"the qualification {q_text}"),
                profile.with_added(qualifications=[node.qualification]),
            )
        elif isinstance(node, HasJob):
            where = node.sector.value + (f" ({node.subject})" if node.subject else "")
            yield (
                _change(f"baan in het {where}", f"a job in {where}"),
                attrs.evolve(profile, job=Job(sector=node.sector, subject=node.subject)),
            )
        elif isinstance(node, HasCompleted):
            for pid in node.programmes:
                if pid not in links:
                    continue  # not offered on this date (or for this subject): nothing to propose
                named = links.by_id[pid]
                yield (
                    _change(f"eerst {_named(named)} afronden", f"first complete {_named(named, 'en')}"),
                    profile.gain(programme=pid),
                )
        elif isinstance(node, HasDiploma) and not node.programmes and node.related_to is None:
            wanted = [level for level in node.levels if not _meets_level(profile, level)]
            if not wanted:
                continue  # the person meets the level; something else closes the programme
            level = wanted[0]
            age_nl = f" van hoogstens {node.max_age_years} jaar oud" if node.max_age_years is not None else ""
            age_en = f" at most {node.max_age_years} years old" if node.max_age_years is not None else ""
            yield (
                _change(f"diploma {level.value}{age_nl}", f"a {level.value} diploma{age_en}"),
                profile.with_added(diplomas=[Diploma(level=level)]),
            )


def _ec_changes(p: Programme, profile: Profile, links: Links) -> Iterable[tuple[Reason, Profile]]:
    """For an EC rule not met: how many EC more, and the deficiency courses that give them."""
    courses = [links.by_id[q] for q in links.preparers[p.id] if links.via[q, p.id] == "deficiency"]
    for node in p.entry.walk():
        if not isinstance(node, SubjectEc):
            continue
        need = node.min_ec - node.max_deficiency_ec
        have = profile.ec_in(node.subject)
        if (have or 0) >= need:
            continue
        ec: dict[str, int] = dict(profile.subject_ec)
        ec[node.subject] = need
        with_courses = [_named(q) for q in courses if offering_subject(q.id) == node.subject]
        if have is None:
            nl = f"minstens {need} EC vakinhoud {node.subject} op wo-niveau aantonen"
            en = f"show at least {need} EC of wo-level {node.subject} content"
        else:
            nl = f"nog {need - have} EC vakinhoud {node.subject} erbij (tot {need}) en die in subject_ec opgeven"
            en = f"{need - have} more EC of {node.subject} content (to {need}), given in subject_ec"
        if with_courses:
            nl += f", bijvoorbeeld met {' of '.join(with_courses)}"
            en += f", for example with {' or '.join(with_courses)}"
        yield _change(nl, en), attrs.evolve(profile, subject_ec=ec)


# Levels a person meets by holding another: a later stage of the same track, or any degree in
# place of a secondary diploma (WHW art. 7.28 lid 1).
_TRACKS = (
    (Level.HBO_PROPEDEUSE, Level.HBO_BACHELOR, Level.HBO_MASTER),
    (Level.WO_BACHELOR, Level.WO_MASTER, Level.PHD),
    (Level.VMBO, Level.HAVO, Level.VWO),
    (Level.MBO_2, Level.MBO_3, Level.MBO_4),
)


def _meets_level(profile: Profile, level: Level) -> bool:
    held = {d.level for d in profile.diplomas}
    if level in held:
        return True
    if level in SECONDARY_ENTRY and held & DEGREES:
        return True
    return any(
        level in track and any(track.index(h) > track.index(level) for h in held & set(track)) for track in _TRACKS
    )


def _named(p: Programme, lang: str = "nl") -> str:
    name = p.name_en if lang == "en" and p.name_en else p.name
    subject = offering_subject(p.id)
    return f"{name} ({subject})" if subject else name
