"""Filters on where a step is given: which offerings a person can use, and which routes remain.

Routes are found over programmes; a filter keeps a route when every step can still be taken:
a step with register or page offerings needs one that passes, a step without them (zij-instroom,
a minor, a course) is kept when its named providers and study forms allow it, and its place is
unknown.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.offers import ProviderOffering, Where, provider_matches

__all__ = ["passes", "step_offers"]


def step_offers(catalogue: Catalogue, programme_id: str, where: Where | None) -> tuple[ProviderOffering, ...]:
    """The offerings of a step that pass ``where`` (all of them without a filter)."""
    if where is None or not where.active:
        return _unfiltered(catalogue, programme_id)
    return _one_per_place(catalogue, programme_id, where)


_UNFILTERED: weakref.WeakKeyDictionary[Catalogue, dict[str, tuple[ProviderOffering, ...]]] = weakref.WeakKeyDictionary()
"""Per catalogue, the offerings of each step without a filter: asked for every step written out."""


def _unfiltered(catalogue: Catalogue, programme_id: str) -> tuple[ProviderOffering, ...]:
    cache = _UNFILTERED.setdefault(catalogue, {})
    known = cache.get(programme_id)
    if known is None:
        known = cache[programme_id] = _one_per_place(catalogue, programme_id, None)
    return known


def _one_per_place(catalogue: Catalogue, programme_id: str, where: Where | None) -> tuple[ProviderOffering, ...]:
    offers = catalogue.offers_for(programme_id)
    if where is not None and where.active:
        forms = [d.form.value for d in catalogue.programme(programme_id).durations]
        offers = tuple(o for o in offers if where.keeps(o, forms))
    # one per institution and place: the surest one (offers_for puts those first)
    return tuple({(o.institution, o.city): o for o in reversed(offers)}.values())[::-1]


def passes(catalogue: Catalogue, programme_ids: Iterable[str], where: Where | None) -> bool:
    """Whether every step of a route can be taken under ``where``."""
    if where is None or not where.active:
        return True
    for pid in programme_ids:
        if catalogue.offers_for(pid):
            if not step_offers(catalogue, pid, where):
                return False
            continue
        programme = catalogue.programme(pid)
        named = programme.providers
        if where.provider is not None and named and not any(provider_matches(where.provider, n) for n in named):
            return False
        forms = {d.form.value for d in programme.durations}
        if where.form is not None and forms and where.form not in forms:
            return False
    return True
