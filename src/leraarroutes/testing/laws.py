"""The laws every catalogue must satisfy, ours or yours, as functions you can call from tests.

Each law returns a tuple of :class:`Violation` (empty when the law holds). The structural laws
need only the catalogue; the route laws take the profiles to check, which you can draw with
:mod:`leraarroutes.testing.strategies` or write out by hand.

>>> from leraarroutes import load_catalogue
>>> import datetime as dt
>>> catalogue = load_catalogue()
>>> check_all(catalogue, as_of=dt.date(2024, 1, 1))
()
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence

import attrs
from attrs import frozen

from leraarroutes.catalogue.catalogue import Catalogue, CatalogueFile
from leraarroutes.catalogue.serialize import dumps, loads
from leraarroutes.engine.routes import find_routes
from leraarroutes.ids import ProgrammeId
from leraarroutes.model.education import Diploma, Level, Study
from leraarroutes.model.profile import Profile
from leraarroutes.model.qualifications import Qualification
from leraarroutes.rules import HasCompleted, Truth

__all__ = [
    "LAWS",
    "Violation",
    "check_all",
    "determinism",
    "grants_come_from_steps",
    "monotonicity",
    "no_dead_entries",
    "no_expired_references",
    "qualifications_reachable",
    "round_trip",
    "soundness",
]


@frozen(kw_only=True)
class Violation:
    """A law that does not hold: which law, for what, why, and the smallest example found."""

    law: str
    subject: str
    message: str
    counterexample: str | None = None

    def __str__(self) -> str:
        extra = f"\n    counterexample: {self.counterexample}" if self.counterexample else ""
        return f"{self.law}: {self.subject}: {self.message}{extra}"


def _replay(catalogue: Catalogue, profile: Profile, programmes: Sequence[str], day: dt.date) -> list[Truth]:
    context = catalogue.context(day)
    state = profile
    truths = []
    for pid in programmes:
        p = catalogue.programme(pid)
        truths.append(p.entry.evaluate(state, context).truth)
        state = state.gain(programme=p.id, qualifications=p.grants.qualifications, diplomas=p.grants.diplomas)
    return truths


def _profile_text(profile: Profile) -> str:
    return dumps(profile, "json").replace("\n", " ").replace("  ", "")


def soundness(catalogue: Catalogue, profiles: Iterable[Profile], *, as_of: dt.date) -> tuple[Violation, ...]:
    """Every step of every route is admitted in the state just before it.

    A route is "open" exactly when every step is admitted for certain.
    """
    found = []
    for profile in profiles:
        for route in find_routes(catalogue, profile, as_of=as_of):
            truths = _replay(catalogue, profile, route.programmes, as_of)
            certain = all(t is Truth.YES for t in truths)
            if Truth.NO in truths or (route.status == "open") != certain:
                found.append(
                    Violation(
                        law="soundness",
                        subject=" → ".join(route.programmes),
                        message=f"step verdicts {[t.value for t in truths]} for a route marked {route.status}",
                        counterexample=_profile_text(profile),
                    )
                )
    return tuple(found)


def grants_come_from_steps(
    catalogue: Catalogue, profiles: Iterable[Profile], *, as_of: dt.date
) -> tuple[Violation, ...]:
    """No route ends in a qualification that its last step does not grant."""
    found = []
    for profile in profiles:
        for route in find_routes(catalogue, profile, as_of=as_of):
            last = catalogue.programme(route.programmes[-1])
            if Qualification.parse(route.qualification) not in last.grants.qualifications:
                found.append(
                    Violation(
                        law="grants-come-from-steps",
                        subject=route.qualification,
                        message=f"the last step {last.id} does not grant it",
                        counterexample=_profile_text(profile),
                    )
                )
    return tuple(found)


def monotonicity(
    catalogue: Catalogue, pairs: Iterable[tuple[Profile, Diploma]], *, as_of: dt.date
) -> tuple[Violation, ...]:
    """Adding a diploma never removes a route.

    Each old route keeps a route to the same qualification using a subset of its steps, at least
    as certain.
    """
    found = []
    for profile, extra in pairs:
        before = find_routes(catalogue, profile, as_of=as_of)
        after = find_routes(catalogue, attrs.evolve(profile, diplomas=(*profile.diplomas, extra)), as_of=as_of)
        for r in before:
            kept = any(
                a.qualification == r.qualification
                and set(a.programmes) <= set(r.programmes)
                and (a.status == "open" or r.status != "open")
                for a in after
            )
            if kept:
                continue
            found.append(
                Violation(
                    law="monotonicity",
                    subject=" → ".join(r.programmes),
                    message=f"lost after adding a {extra.level.value} diploma",
                    counterexample=_profile_text(profile),
                )
            )
    return tuple(found)


def determinism(catalogue: Catalogue, profiles: Iterable[Profile], *, as_of: dt.date) -> tuple[Violation, ...]:
    """The same question twice gives byte-identical answers."""
    found = []
    for profile in profiles:
        first = json.dumps([r.to_json() for r in find_routes(catalogue, profile, as_of=as_of)])
        second = json.dumps([r.to_json() for r in find_routes(catalogue, profile, as_of=as_of)])
        if first != second:
            found.append(
                Violation(
                    law="determinism",
                    subject="find_routes",
                    message="two runs differ",
                    counterexample=_profile_text(profile),
                )
            )
    return tuple(found)


def round_trip(catalogue: Catalogue, *, as_of: dt.date | None = None) -> tuple[Violation, ...]:
    """Writing the catalogue as YAML, JSON and TOML and reading it back loses nothing."""
    _ = as_of
    content = catalogue.as_file()
    found = []
    for fmt in ("yaml", "json", "toml"):
        try:
            back = loads(dumps(content, fmt), CatalogueFile, fmt)
        except Exception as exc:  # noqa: BLE001 - any failure to write or read back breaks the law
            found.append(Violation(law="round-trip", subject=fmt, message=f"cannot be written and read back: {exc}"))
            continue
        if back != content:
            differs = [s for s in ("subjects", "programmes", "relatedness") if getattr(back, s) != getattr(content, s)]
            found.append(
                Violation(law="round-trip", subject=fmt, message=f"sections differ after a round trip: {differs}")
            )
    return tuple(found)


def _everyone(catalogue: Catalogue) -> Profile:
    """A person with a diploma and a study of every level, and no further detail.

    Programme names, jobs and EC stay unknown.
    """
    _ = catalogue
    return Profile(
        diplomas=tuple(Diploma(level=level) for level in Level),
        studying=tuple(Study(level=level, ec=600) for level in Level),
    )


def qualifications_reachable(catalogue: Catalogue, *, as_of: dt.date) -> tuple[Violation, ...]:
    """Every qualification a valid programme grants is reachable, at least conditionally.

    Reachable from a person holding every diploma level, whose other facts are unknown.
    """
    everyone = _everyone(catalogue)
    granted = sorted({q for p in catalogue.offerings(as_of=as_of) if p.changes_route for q in p.grants.qualifications})
    reached = {r.qualification for r in find_routes(catalogue, everyone, as_of=as_of)}
    return tuple(
        Violation(law="qualifications-reachable", subject=str(q), message="no route reaches it, even conditionally")
        for q in granted
        if str(q) not in reached
    )


def no_dead_entries(catalogue: Catalogue, *, as_of: dt.date) -> tuple[Violation, ...]:
    """No programme refuses everyone.

    Its entry rule is not NO for a person who holds every diploma level, every qualification the
    catalogue grants and every other programme completed (or for the empty profile).
    """
    offerings = [p for p in catalogue.offerings(as_of=as_of) if p.changes_route]
    context = catalogue.context(as_of)
    saturated = attrs.evolve(
        _everyone(catalogue),
        qualifications=tuple({q for p in offerings for q in p.grants.qualifications}),
    )
    found = []
    for p in offerings:
        others = tuple(ProgrammeId(o.id) for o in offerings if o.id != p.id)
        candidates = (saturated, attrs.evolve(saturated, completed=others), Profile())
        if all(p.entry.evaluate(c, context).truth is Truth.NO for c in candidates):
            found.append(Violation(law="no-dead-entries", subject=p.id, message=f"nobody can enter it: {p.entry}"))
    return tuple(found)


def no_expired_references(catalogue: Catalogue, *, as_of: dt.date) -> tuple[Violation, ...]:
    """No programme valid on ``as_of`` asks for a programme that no longer (or not yet) runs then."""
    found = []
    for p in catalogue.programmes:
        if not p.valid_on(as_of):
            continue
        for node in p.entry.walk():
            if not isinstance(node, HasCompleted):
                continue
            for pid in node.programmes:
                base = catalogue.programme(pid.split("/")[0]) if "{" not in pid else None
                if base is not None and not base.valid_on(as_of):
                    found.append(
                        Violation(
                            law="no-expired-references",
                            subject=p.id,
                            message=f"asks for {pid}, which does not run on {as_of.isoformat()}",
                        )
                    )
    return tuple(found)


LAWS: dict[str, Callable[..., tuple[Violation, ...]]] = {
    "round-trip": round_trip,
    "qualifications-reachable": qualifications_reachable,
    "no-dead-entries": no_dead_entries,
    "no-expired-references": no_expired_references,
}
"""The structural laws, which need only the catalogue and a date."""


def check_all(catalogue: Catalogue, *, as_of: dt.date) -> tuple[Violation, ...]:
    """Every structural law on ``catalogue`` for ``as_of``; empty when all hold."""
    return tuple(v for law in LAWS.values() for v in law(catalogue, as_of=as_of))
