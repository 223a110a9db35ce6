"""Small HTML tables for the rich display of notebooks (Jupyter's ``_repr_html_``).

Every text is escaped here, once: a name holding ``<script>`` shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str | None = None) -> str:
    """An HTML table; ``None`` shows as an empty cell, every value is escaped.

    >>> table(["naam"], [["<b>x</b>"], [None]], caption="Lijst")
    '<table><caption>Lijst</caption><thead><tr><th>naam</th></tr></thead><tbody><tr><td>&lt;b&gt;x&lt;/b&gt;</td></tr><tr><td></td></tr></tbody></table>'
    """
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    title = "" if caption is None else f"<caption>{html.escape(caption)}</caption>"
    return f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def paragraph(text: str) -> str:
    """A paragraph of escaped text."""
    return f"<p>{html.escape(text)}</p>"
