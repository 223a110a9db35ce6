"""Drawings as DOT through graphviz's own escaping, and DOT rendered to SVG, PNG or PDF by ``dot``."""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import graphviz

from leraarroutes.catalogue.loading import write_atomically
from leraarroutes.diagrams.styles import PAGES, _Diagram, _Node
from leraarroutes.errors import InputError, LeraarroutesError


class GraphvizMissingError(LeraarroutesError):
    """Graphviz's ``dot`` program is not installed; the message says how to install it.

    Only :func:`render` to svg, png or pdf needs ``dot``; DOT and Mermaid text never do.

    >>> issubclass(GraphvizMissingError, LeraarroutesError)
    True
    """


MAX_LABEL = 160
"""Longest label line, in characters: a longer name is cut with an ellipsis (dot fails on labels
of some 16 KB, and no page has room for them)."""


MAX_TOOLTIP = 4_000
"""Longest tooltip, in characters: a tooltip lists every reason, so it may be long, but not 16 KB."""


def _cut(value: str, limit: int = MAX_LABEL) -> str:
    """One line of text with its white space collapsed, cut at ``limit`` characters."""
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(value: str, limit: int = MAX_LABEL) -> str:
    """One label line, with backslashes and markup made literal for DOT."""
    return cast("str", graphviz.escape(_cut(value, limit)))  # keeps graphviz's no-HTML mark


def _label(lines: Sequence[str], *, width: int | None = None) -> str:
    # DOT's "\n" centres each line; the escaped parts cannot contain an escape of their own.
    lines = [_cut(line) for line in lines]  # cut before wrapping: a 20,000-character name is no box
    if width is not None:  # long names wrapped, so that a column stays narrow enough for the page
        lines = [part for line in lines for part in (textwrap.wrap(line, width, break_on_hyphens=False) or [line])]
    return cast("str", graphviz.nohtml("\\n".join(_text(line) for line in lines if line)))


def _dot_id(node_id: str) -> str:
    # ":" would make DOT read "node:port"; our ids are slugs, "/" and ":" are the only separators.
    return node_id.replace(":", "__")


FONT_SIZE = 11.0
"""The size of every text in a drawing, in points before fitting: at the smallest fit the
overviews allow on A4 landscape (a scale of 0.73), text prints at 8 pt or more."""


def _start_table(members: Sequence[_Node]) -> str:
    rows = []
    for i, n in enumerate(members):
        dashed = ' style="dashed"' if "dashed" in n.style else ""
        text = "<br/>".join(html.escape(_cut(line)) for line in n.label)
        rows.append(f'<tr><td port="p{i}" bgcolor="{n.fill}" border="1" cellpadding="5"{dashed}>{text}</td></tr>')
    return f'<<table border="0" cellspacing="7">{"".join(rows)}</table>>'


def _legend_table(diagram: _Diagram) -> str:
    # An HTML-like table built from our own kind names, colours and notes; notes are escaped.
    rows = "".join(
        f'<tr><td bgcolor="{fill}" width="16"> </td><td align="left">{html.escape(label)}</td></tr>'
        for _kind, fill, label in diagram.legend
    )
    head = f'<tr><td colspan="2"><b>{html.escape(diagram.legend_title)}</b></td></tr>'
    notes = "".join(
        f'<tr><td colspan="2" align="left" balign="left">{html.escape(note).replace(chr(10), "<br/>")}</td></tr>'
        for note in diagram.legend_notes
    )
    return f'<<table border="0" cellspacing="2" cellpadding="2">{head}{rows}{notes}</table>>'


def _page(g: graphviz.Digraph, page: str | None, dpi: int) -> None:
    if page is not None and page not in PAGES:
        raise InputError(f"unknown page size {page!r}; valid: {', '.join(PAGES)}", path="page")
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not 36 <= dpi <= 600:  # noqa: PLR2004 - screen to printer
        raise InputError(f"dpi must be a whole number from 36 to 600, not {dpi!r}", path="dpi")
    if page is not None:
        width, height = PAGES[page]
        # no margin around the drawing: a PDF page is then at most the printable part of the sheet
        g.attr(size=f"{width},{height}", ratio="compress", margin="0")
    if dpi != 96:  # noqa: PLR2004 - graphviz's own default, left out of the DOT
        g.attr(dpi=str(dpi))


def _groups(g: graphviz.Digraph, diagram: _Diagram) -> dict[str, str]:
    """Draw each group as a box of its own; return the table ports that stand for start nodes."""
    ports: dict[str, str] = {}
    for group, title in diagram.groups:
        with g.subgraph(name=f"cluster_{group}") as sub:
            sub.attr(
                label=_label([title]),
                style="rounded",
                color="#bbbbbb",
                fontname="Helvetica-Bold",
                fontsize=str(FONT_SIZE + 1),
            )
            if group in ("start", "q"):
                sub.attr(rank="source" if group == "start" else "sink")
            members = [n for n in diagram.nodes if n.group == group]
            if group == "start" and len(members) > 1:
                # One table, so that the starting situations stand top to bottom in the order given
                # (lowest diploma first): dot would reorder separate nodes to save crossings.
                ports.update({n.id: f"starts:p{i}:e" for i, n in enumerate(members)})
                sub.node("starts", label=_start_table(members), shape="plaintext", margin="0")
                continue
            for n in members:
                attrs_ = {
                    "label": _label(n.label, width=n.wrap),
                    "shape": n.shape,
                    "style": n.style,
                    "fillcolor": n.fill,
                    "penwidth": n.penwidth,
                }
                if n.tooltip:
                    attrs_["tooltip"] = _text(n.tooltip, MAX_TOOLTIP)
                sub.node(_dot_id(n.id), **attrs_)
    return ports


def _legend(g: graphviz.Digraph, diagram: _Diagram) -> None:
    with g.subgraph(name="cluster_legenda") as legend:
        legend.attr(label="", style="rounded", color="#bbbbbb")
        legend.node("legenda", label=_legend_table(diagram), shape="plaintext", fontsize=str(FONT_SIZE))
    # in the last column, beside the qualifications (the narrowest column), not a column of its own
    last = [n for n in diagram.nodes if n.group == "q"]
    with g.subgraph(name="legend_rank") as same:
        same.attr(rank="same")
        same.node("legenda")
        if last:
            same.node(_dot_id(last[-1].id))
            g.edge(_dot_id(last[-1].id), "legenda", style="invis")


def _dot(diagram: _Diagram, *, page: str | None = "a4", dpi: int = 96) -> graphviz.Digraph:
    """The drawing as DOT, fitted to ``page`` (None: full size, for a screen)."""
    g = graphviz.Digraph(name=diagram.title)
    # Left to right. Edges are not merged ("concentrate"): merged edges run through the labels
    # of the nodes they pass.
    g.attr(rankdir="LR", newrank="true")
    _page(g, page, dpi)
    g.attr(
        fontname="Helvetica",
        fontsize=str(FONT_SIZE + 3),
        nodesep="0.1",
        ranksep="0.5",
        label=_label(diagram.heading or [diagram.title]),
        labelloc="t",
    )
    g.attr("node", fontname="Helvetica", fontsize=str(FONT_SIZE), margin="0.08,0.02")
    g.attr("edge", arrowsize="0.7", fontname="Helvetica", fontsize=str(FONT_SIZE))
    ports = _groups(g, diagram)
    if diagram.legend:
        _legend(g, diagram)
    for e in diagram.edges:
        attrs_ = {"style": e.style, "color": e.color, "penwidth": e.penwidth}
        if e.label:
            attrs_["label"] = _text(e.label)
            attrs_["fontcolor"] = e.color
        if e.tooltip:
            attrs_["tooltip"] = _text(e.tooltip, MAX_TOOLTIP)
            attrs_["edgetooltip"] = _text(e.tooltip, MAX_TOOLTIP)
        g.edge(ports.get(e.tail, _dot_id(e.tail)), _dot_id(e.head), **attrs_)
    return g


_FORMATS = ("svg", "png", "pdf", "dot", "mmd")


def render(
    graph: graphviz.Digraph | Sequence[graphviz.Digraph],
    path: str | os.PathLike[str],
    format: str | None = None,  # noqa: A002 - graphviz's own word
) -> Path:
    """Write ``graph`` to ``path`` as svg, png, pdf or dot (from the suffix unless ``format`` is given).

    Several drawings (such as :func:`~leraarroutes.diagrams.overviews.overview_pages` gives) make
    one PDF with a page each; that needs the ``pdf`` extra (``pip install "leraarroutes[pdf]"``).
    The file appears whole or not at all. Raises :class:`GraphvizMissingError` when ``dot`` is
    needed and not installed, and :class:`~leraarroutes.InputError` for an unknown format.
    """
    target = Path(path)
    data = render_bytes(graph, (format or target.suffix.lstrip(".")).lower(), file=str(path))
    write_atomically(target, data)
    return target


def render_bytes(
    graph: graphviz.Digraph | Sequence[graphviz.Digraph],
    format: str,  # noqa: A002 - graphviz's own word
    *,
    file: str | None = None,
) -> bytes:
    """The drawing as the bytes of an svg, png, pdf or dot file, to send or store where you like.

    The same bytes :func:`render` writes; ``file`` names the destination in an error message.

    >>> import datetime as dt
    >>> from leraarroutes import load_catalogue
    >>> from leraarroutes.diagrams import to_digraph
    >>> graph = to_digraph(load_catalogue(), "academische-po-routes", as_of=dt.date(2024, 1, 1))
    >>> render_bytes(graph, "dot").startswith(b"digraph")
    True
    """
    fmt = format.lower()
    if fmt not in ("svg", "png", "pdf", "dot"):
        raise InputError(f"cannot render to {fmt!r}; use one of: svg, png, pdf, dot", file=file)
    graphs = [graph] if isinstance(graph, graphviz.Digraph) else list(graph)
    if not graphs:
        raise InputError("nothing to render: no drawings given", file=file)
    if len(graphs) > 1 and fmt != "pdf":
        raise InputError(f"{len(graphs)} pages fit in one .pdf, not in one .{fmt}", file=file)
    if fmt == "dot":
        return bytes(graphs[0].source.encode("utf-8"))
    data = _run_dot(graphs[0], fmt) if len(graphs) == 1 else _pdf_pages([_run_dot(g, "pdf") for g in graphs])
    return without_dates(data) if fmt == "pdf" else data


def to_svg(graph: graphviz.Digraph) -> str:
    """The drawing as SVG text to put inside an HTML page (no XML prolog, no DOCTYPE).

    Every label went through graphviz's escaping, so no input text becomes markup. Raises
    :class:`GraphvizMissingError` without ``dot``.
    """
    svg = _run_dot(graph, "svg").decode("utf-8")
    return svg[svg.index("<svg") :]


def _run_dot(graph: graphviz.Digraph, fmt: str) -> bytes:
    if shutil.which("dot") is None:
        raise GraphvizMissingError(
            "Graphviz's dot program is not installed; install it with `apt-get install graphviz` "
            "(or `brew install graphviz`), or write a .dot file instead"
        )
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program, our own DOT on stdin
            ["dot", f"-T{fmt}"],  # noqa: S607 - dot is looked up on PATH on purpose
            input=graph.source.encode("utf-8"),
            capture_output=True,
            check=True,
            timeout=120,
        )
    except subprocess.CalledProcessError as exc:
        raise LeraarroutesError(f"dot failed: {exc.stderr.decode('utf-8', 'replace').strip()}") from None
    return bytes(done.stdout)


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{4,14})")


def without_dates(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates set to 1970: the same drawing, the same bytes.

    The digits are replaced by as many digits, so no offset in the file moves.
    """
    return _PDF_DATE.sub(lambda m: m.group(1) + b"19700101000000"[: len(m.group(2))], pdf)


def _pdf_pages(documents: Sequence[bytes]) -> bytes:
    """One PDF with the pages of ``documents`` in order."""
    try:
        import pypdf  # noqa: PLC0415 - an optional extra, needed only here
    except ImportError:
        raise LeraarroutesError(
            'a PDF of several pages needs the pdf extra: pip install "leraarroutes[pdf]"; '
            "or write one .svg or .png per page"
        ) from None
    writer = pypdf.PdfWriter()
    for document in documents:
        writer.append(pypdf.PdfReader(io.BytesIO(document)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
