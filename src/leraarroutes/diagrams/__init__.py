"""The diagrams layer: schematic route overviews from the catalogue, and one person's route map.

:func:`to_digraph` and :func:`personal_digraph` are pure: they return a ``graphviz.Digraph`` whose
DOT source is deterministic. :func:`render` writes SVG, PNG or PDF through Graphviz's ``dot``
(``.dot`` needs no Graphviz). :func:`overview_mermaid` and :func:`personal_mermaid` give the same
graphs as Mermaid text. Every label goes through graphviz's own escaping: no input text can inject
DOT or SVG markup.

The modules: :mod:`~leraarroutes.diagrams.overviews` (the named overviews),
:mod:`~leraarroutes.diagrams.personal` (one person's map), :mod:`~leraarroutes.diagrams.sheet`
(the printable advice sheet), :mod:`~leraarroutes.diagrams.styles`
(the drawing and how it looks), :mod:`~leraarroutes.diagrams.words` (its Dutch and English words),
:mod:`~leraarroutes.diagrams.dot` and :mod:`~leraarroutes.diagrams.mermaid` (the output languages).

>>> import datetime as dt
>>> from leraarroutes import load_catalogue
>>> dot = to_digraph(load_catalogue(), "academische-po-routes", as_of=dt.date(2024, 1, 1))
>>> "EMPO" in dot.source and "legenda" in dot.source
True
"""

import typing as _typing

from leraarroutes._lazy import lazy_names as _lazy_names

if _typing.TYPE_CHECKING:
    from leraarroutes.diagrams.dot import GraphvizMissingError, render, render_bytes, to_svg
    from leraarroutes.diagrams.overviews import (
        SPLIT_FOR_PRINT,
        overview_mermaid,
        overview_pages,
        to_digraph,
    )
    from leraarroutes.diagrams.personal import personal_digraph, personal_mermaid
    from leraarroutes.diagrams.sheet import BrowserMissingError, advice_html, html_to_pdf
    from leraarroutes.diagrams.styles import PAGES
    from leraarroutes.diagrams.words import KIND_LABELS, OVERVIEWS

# graphviz loads when a drawing is first asked for: the words of the diagrams (used by the text
# answers) come without it
_LAZY = {
    **dict.fromkeys(("GraphvizMissingError", "render", "render_bytes", "to_svg"), "leraarroutes.diagrams.dot"),
    **dict.fromkeys(
        ("SPLIT_FOR_PRINT", "overview_mermaid", "overview_pages", "to_digraph"), "leraarroutes.diagrams.overviews"
    ),
    "PAGES": "leraarroutes.diagrams.styles",
    "OVERVIEWS": "leraarroutes.diagrams.words",
    **dict.fromkeys(("personal_digraph", "personal_mermaid"), "leraarroutes.diagrams.personal"),
    **dict.fromkeys(("BrowserMissingError", "advice_html", "html_to_pdf"), "leraarroutes.diagrams.sheet"),
    "KIND_LABELS": "leraarroutes.diagrams.words",
}


__getattr__, __dir__ = _lazy_names("leraarroutes.diagrams", _LAZY, globals())


__all__ = [
    "KIND_LABELS",
    "OVERVIEWS",
    "PAGES",
    "SPLIT_FOR_PRINT",
    "BrowserMissingError",
    "GraphvizMissingError",
    "advice_html",
    "html_to_pdf",
    "overview_mermaid",
    "overview_pages",
    "personal_digraph",
    "personal_mermaid",
    "render",
    "render_bytes",
    "to_digraph",
    "to_svg",
]
