"""Drawings as Mermaid flowchart text, for Markdown documentation."""

from __future__ import annotations

from leraarroutes.diagrams.styles import _Diagram

_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "%": "#37;", "`": "#96;"}
"""Characters a label may not hold as themselves: ``%%`` would start a directive that changes the
diagram's settings (``%%{init: ...}%%``), ``#`` an entity of its own, the rest end the label."""


def _mermaid_text(value: str) -> str:
    text = " ".join(value.split())[:_MAX_LABEL]
    return "".join(_ENTITIES.get(ch, ch) for ch in text)


_MAX_LABEL = 160
"""Longest label line, in characters; a longer name is cut (renderers refuse huge labels)."""


def _mermaid(diagram: _Diagram) -> str:
    """Mermaid flowchart text for a diagram (labels with quotes and angle brackets made entities)."""
    lines = ["flowchart LR"]
    ident = {n.id: f"n{i}" for i, n in enumerate(diagram.nodes)}
    for group, title in diagram.groups:
        members = [n for n in diagram.nodes if n.group == group]
        if not members:
            continue
        lines.append(f'  subgraph {group}["{_mermaid_text(title)}"]')
        for n in members:
            text = "<br/>".join(_mermaid_text(x) for x in n.label if x)
            lines.append(f'    {ident[n.id]}["{text}"]')
        lines.append("  end")
    for e in diagram.edges:
        if e.tail in ident and e.head in ident:
            arrow = "-.->" if e.style in ("dashed", "dotted") else ("==>" if e.penwidth == "2.5" else "-->")
            lines.append(f"  {ident[e.tail]} {arrow} {ident[e.head]}")
    lines.extend(f"  style {ident[n.id]} fill:{n.fill}" for n in diagram.nodes)
    return "\n".join(lines) + "\n"
