"""Drawings as DOT through graphviz's own escaping, and DOT rendered to SVG, PNG or PDF by ``dot``."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import graphviz

from leraarroutes.catalogue.loading import write_atomically
from leraarroutes.diagrams.styles import _Diagram
from leraarroutes.errors import InputError, LeraarroutesError


class GraphvizMissingError(LeraarroutesError):
    """Graphviz's ``dot`` program is not installed; the message says how to install it.

    Only :func:`render` to svg, png or pdf needs ``dot``; DOT and Mermaid text never do.

    >>> issubclass(GraphvizMissingError, LeraarroutesError)
    True
    """


def _text(value: str) -> str:
    """One label line, with backslashes and markup made literal for DOT."""
    return cast("str", graphviz.escape(" ".join(value.split())))  # keeps graphviz's no-HTML mark


def _label(lines: Sequence[str]) -> str:
    # DOT's "\n" centres each line; the escaped parts cannot contain an escape of their own.
    return cast("str", graphviz.nohtml("\\n".join(_text(line) for line in lines if line)))


def _dot_id(node_id: str) -> str:
    # ":" would make DOT read "node:port"; our ids are slugs, "/" and ":" are the only separators.
    return node_id.replace(":", "__")


def _dot(diagram: _Diagram) -> graphviz.Digraph:
    g = graphviz.Digraph(name=diagram.title)
    # A4 landscape (11.7 x 8.3 inch), left to right, parallel edges merged.
    g.attr(rankdir="LR", size="11.7,8.3", ratio="compress", newrank="true", concentrate="true")
    g.attr(
        fontname="Helvetica",
        nodesep="0.25",
        ranksep="0.6",
        label=_label(diagram.heading or [diagram.title]),
        labelloc="t",
    )
    g.attr("node", fontname="Helvetica", fontsize="11")
    g.attr("edge", arrowsize="0.7")
    for group, title in diagram.groups:
        with g.subgraph(name=f"cluster_{group}") as sub:
            sub.attr(label=_label([title]), style="rounded", color="#bbbbbb", fontname="Helvetica-Bold")
            if group in ("start", "q"):
                sub.attr(rank="source" if group == "start" else "sink")
            for n in diagram.nodes:
                if n.group == group:
                    attrs_ = {
                        "label": _label(n.label),
                        "shape": n.shape,
                        "style": n.style,
                        "fillcolor": n.fill,
                        "penwidth": n.penwidth,
                    }
                    if n.tooltip:
                        attrs_["tooltip"] = _text(n.tooltip)
                    sub.node(_dot_id(n.id), **attrs_)
    if diagram.legend:
        # An HTML-like table built only from our own kind names and colours, never from input text.
        rows = "".join(
            f'<tr><td bgcolor="{fill}" width="16"> </td><td align="left">{label}</td></tr>'
            for _kind, fill, label in diagram.legend
        )
        title = diagram.legend_title
        head = f'<tr><td colspan="2"><b>{title}</b></td></tr>'
        rows += "".join(
            f'<tr><td colspan="2" align="left">{html.escape(note)}</td></tr>' for note in diagram.legend_notes
        )
        table = f'<<table border="0" cellspacing="2" cellpadding="2">{head}{rows}</table>>'
        with g.subgraph(name="cluster_legenda") as legend:
            legend.attr(label="", style="rounded", color="#bbbbbb")
            legend.node("legenda", label=table, shape="plaintext", fontsize="9")
    for e in diagram.edges:
        attrs_ = {"style": e.style, "color": e.color, "penwidth": e.penwidth}
        if e.tooltip:
            attrs_["tooltip"] = _text(e.tooltip)
            attrs_["edgetooltip"] = _text(e.tooltip)
        g.edge(_dot_id(e.tail), _dot_id(e.head), **attrs_)
    return g


_FORMATS = ("svg", "png", "pdf", "dot", "mmd")


def render(graph: graphviz.Digraph, path: str | os.PathLike[str], format: str | None = None) -> Path:  # noqa: A002 - graphviz's own word
    """Write ``graph`` to ``path`` as svg, png, pdf or dot (from the suffix unless ``format`` is given).

    The file appears whole or not at all. Raises :class:`GraphvizMissingError` when ``dot`` is
    needed and not installed, and :class:`~leraarroutes.InputError` for an unknown format.
    """
    target = Path(path)
    fmt = (format or target.suffix.lstrip(".")).lower()
    if fmt not in ("svg", "png", "pdf", "dot"):
        raise InputError(f"cannot render to {fmt!r}; use one of: svg, png, pdf, dot", file=str(path))
    if fmt == "dot":
        data = graph.source.encode("utf-8")
    else:
        if shutil.which("dot") is None:
            raise GraphvizMissingError(
                "Graphviz's dot program is not installed; install it with `apt-get install graphviz` "
                "(or `brew install graphviz`), or write a .dot file instead"
            )
        try:
            data = subprocess.run(  # noqa: S603 - a fixed program, our own DOT on stdin
                ["dot", f"-T{fmt}"],  # noqa: S607 - dot is looked up on PATH on purpose
                input=graph.source.encode("utf-8"),
                capture_output=True,
                check=True,
                timeout=120,
            ).stdout
        except subprocess.CalledProcessError as exc:
            raise LeraarroutesError(f"dot failed: {exc.stderr.decode('utf-8', 'replace').strip()}") from None
    write_atomically(target, data)
    return target
