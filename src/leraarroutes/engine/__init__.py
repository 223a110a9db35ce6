"""The engine layer: the routes from a person to a qualification, found, ranked and explained.

:mod:`~leraarroutes.engine.routes` is the public face (:func:`find_routes` and what it
returns), :mod:`~leraarroutes.engine.explain` says what is closed and why, and
:mod:`~leraarroutes.engine.batch` runs it over a cohort. Inside:
``_graph`` (which programme can lead to which), ``_compiled`` (rules and offerings as numbers
and bit masks, with the verdicts shared between queries), ``_found`` (what the search finds) and
``_search`` (goal regression over the compiled graph).

>>> import datetime as dt
>>> from leraarroutes import Diploma, Level, Profile, load_catalogue
>>> from leraarroutes.engine import find_routes
>>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
>>> find_routes(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1))[0].status
'open'
"""

from leraarroutes.engine._graph import MAX_GRAPH_LINKS, programme_graph
from leraarroutes.engine.explain import explain
from leraarroutes.engine.groups import QualificationGroup, group_routes
from leraarroutes.engine.routes import (
    DEFAULT_MAX_STATES,
    DEFAULT_MAX_STEPS,
    MAX_STEPS_LIMIT,
    Blocked,
    Route,
    SearchLimitError,
    SortKey,
    Step,
    find_routes,
)

__all__ = [
    "DEFAULT_MAX_STATES",
    "DEFAULT_MAX_STEPS",
    "MAX_GRAPH_LINKS",
    "MAX_STEPS_LIMIT",
    "Blocked",
    "QualificationGroup",
    "Route",
    "SearchLimitError",
    "SortKey",
    "Step",
    "explain",
    "find_routes",
    "group_routes",
    "programme_graph",
]
