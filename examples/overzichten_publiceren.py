"""Publish the route overviews for a website: SVG pictures and Mermaid text for Markdown.

Run with ``python examples/overzichten_publiceren.py [FOLDER]`` (default: a temporary folder).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

import leraarroutes as lr
from leraarroutes import diagrams


def publish(folder: Path, as_of: dt.date) -> list[Path]:
    catalogue = lr.load_catalogue()
    written = []
    for name in diagrams.OVERVIEWS:
        graph = diagrams.to_digraph(catalogue, name, as_of=as_of)
        if shutil.which("dot"):
            written.append(diagrams.render(graph, folder / f"{name}.svg"))
        else:
            written.append(diagrams.render(graph, folder / f"{name}.dot"))
        mermaid = folder / f"{name}.md"
        mermaid.write_text(
            "```mermaid\n" + diagrams.overview_mermaid(catalogue, name, as_of=as_of) + "```\n", encoding="utf-8"
        )
        written.append(mermaid)
    return written


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    written = publish(folder, dt.date(2024, 1, 1))
    assert len(written) == 2 * len(diagrams.OVERVIEWS)
    print(f"ok: {len(written)} files in {folder}")


if __name__ == "__main__":
    main()
