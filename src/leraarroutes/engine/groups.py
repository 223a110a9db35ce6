"""The answer to "what can I become?": routes grouped per qualification, open ones first.

A list of every route without a target is long and mixed (a history master gets close to two
hundred); an adviser answers per qualification instead: which ones are open now and by which route,
which hang on a condition, and how many more there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.engine.routes import Route
from leraarroutes.model.qualifications import Qualification, SchoolSetting

ROUTES_PER_QUALIFICATION = 3
"""How many routes each group keeps by default; the rest are counted in ``more``."""


@frozen(kw_only=True)
class QualificationGroup:
    """The routes to one qualification, best first, and where the qualification lets you teach.

    ``status`` is ``"open"`` when some route is open, else ``"conditional"``. ``more`` counts the
    routes left out of ``routes``; ``also`` names the narrower qualifications this one includes
    that no route reaches sooner, so they are not listed on their own.

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, find_routes, load_catalogue
    >>> catalogue, day = load_catalogue(), dt.date(2024, 1, 1)
    >>> history = (Level.WO_BACHELOR, Level.WO_MASTER)
    >>> master = Profile(diplomas=tuple(Diploma(level=lv, programme="Geschiedenis") for lv in history))
    >>> groups = group_routes(catalogue, find_routes(catalogue, master, as_of=day), as_of=day)
    >>> [(g.qualification, g.status) for g in groups[:2]]
    [('beperkt-tweedegraads:geschiedenis', 'open'), ('eerstegraads:geschiedenis', 'open')]
    >>> history_group: QualificationGroup = groups[1]
    >>> history_group.also, history_group.best.months
    (('tweedegraads:geschiedenis',), 12)
    """

    qualification: str
    status: str
    routes: tuple[Route, ...]
    more: int
    teaches: tuple[SchoolSetting, ...]
    also: tuple[str, ...] = ()
    name: str = ""
    name_en: str = ""

    def label(self, lang: str = "nl") -> str:
        """The qualification in words (``name`` or ``name_en``), or its id when no name was given."""
        return (self.name_en if lang == "en" else self.name) or self.qualification

    @property
    def best(self) -> Route:
        """The first route of the group."""
        return self.routes[0]

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        """The group as the documented JSON object."""
        return {
            "qualification": self.qualification,
            "name": self.label(lang),
            "status": self.status,
            "teaches": [s.value for s in self.teaches],
            "also": list(self.also),
            "more_routes": self.more,
            "routes": [r.to_json(lang) for r in self.routes],
        }


def group_routes(
    catalogue: Catalogue,
    routes: Sequence[Route],
    *,
    as_of: dt.date,
    per_qualification: int | None = ROUTES_PER_QUALIFICATION,
) -> tuple[QualificationGroup, ...]:
    """Group ranked routes per qualification: open qualifications first, each group in rank order.

    ``routes`` come as ``find_routes`` ranks them; a group keeps their order and at most
    ``per_qualification`` of them (None keeps all). A qualification that a wider one includes
    (tweedegraads in eerstegraads of the same subject) is folded into the wider group when the wider
    one is open and its best route is known to take no longer.
    """
    if per_qualification is not None and per_qualification < 1:
        msg = f"per_qualification must be at least 1, not {per_qualification}"
        raise ValueError(msg)
    ranked: dict[str, list[Route]] = {}
    for route in routes:
        ranked.setdefault(route.qualification, []).append(route)
    folded = _folded(ranked)
    settings = catalogue.teaches(as_of)
    groups = []
    for qualification, members in ranked.items():
        if qualification in folded:
            continue
        shown = members if per_qualification is None else members[:per_qualification]
        groups.append(
            QualificationGroup(
                qualification=qualification,
                status="open" if any(r.status == "open" for r in members) else "conditional",
                routes=tuple(shown),
                more=len(members) - len(shown),
                teaches=settings.get(Qualification.parse(qualification).kind, ()),
                also=tuple(q for q, into in folded.items() if into == qualification),
                name=catalogue.qualification_name(qualification, "nl"),
                name_en=catalogue.qualification_name(qualification, "en"),
            )
        )
    # stable: within open and within conditional, the order of each group's best route
    return tuple(sorted(groups, key=lambda g: g.status != "open"))


def _folded(ranked: dict[str, list[Route]]) -> dict[str, str]:
    """Narrower qualification -> the wider open one that reaches it no later."""
    parsed = {q: Qualification.parse(q) for q in ranked}
    folded: dict[str, str] = {}
    for narrow, narrow_routes in ranked.items():
        months = narrow_routes[0].months
        if months is None or narrow_routes[0].months_unknown:
            continue
        for wide, wide_routes in ranked.items():
            best_open = next((r for r in wide_routes if r.status == "open"), None)
            if (
                wide != narrow
                and parsed[wide].includes(parsed[narrow])
                and best_open is not None
                and best_open.months is not None
                and not best_open.months_unknown
                and best_open.months <= months
            ):
                folded[narrow] = wide
                break
    for narrow, first in list(folded.items()):  # beperkt -> tweedegraads -> eerstegraads
        widest, seen = first, {narrow}
        while widest in folded and widest not in seen:
            seen.add(widest)
            widest = folded[widest]
        folded[narrow] = widest
    return folded
