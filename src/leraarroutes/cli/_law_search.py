"""The route laws searched with hypothesis for the smallest counterexample (internal; CLI use)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.model.education import Diploma
from leraarroutes.model.profile import Profile
from leraarroutes.testing import laws, strategies


def search(catalogue: Catalogue, *, as_of: dt.date, examples: int) -> tuple[list[laws.Violation], list[str]]:
    """Search each route law for a failing profile; report the smallest one hypothesis finds."""
    config = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink],
    )
    people = strategies.profiles(catalogue=catalogue, max_diplomas=2)
    route_laws: dict[str, Callable[..., tuple[laws.Violation, ...]]] = {
        "soundness": laws.soundness,
        "grants-come-from-steps": laws.grants_come_from_steps,
        "determinism": laws.determinism,
    }
    found: list[laws.Violation] = []
    for law in route_laws.values():

        def fails(profile: Profile, law: Callable[..., tuple[laws.Violation, ...]] = law) -> bool:
            return bool(law(catalogue, [profile], as_of=as_of))

        try:
            smallest = find(people, fails, settings=config)
        except NoSuchExample:
            continue
        found.extend(law(catalogue, [smallest], as_of=as_of))
    pairs = st.tuples(people, strategies.diplomas())

    def monotone_fails(pair: tuple[Profile, Diploma]) -> bool:
        return bool(laws.monotonicity(catalogue, [pair], as_of=as_of))

    try:
        smallest_pair = find(pairs, monotone_fails, settings=config)
    except NoSuchExample:
        pass
    else:
        found.extend(laws.monotonicity(catalogue, [smallest_pair], as_of=as_of))
    return found, [*route_laws, "monotonicity"]
