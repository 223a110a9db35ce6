"""Rewrite the output under each ``$ leraarroutes …`` line of the docs' console blocks.

The docs test checks that every command gives the output shown; after a change that alters an
answer on purpose, run this, read the diff, and commit it with the change::

    python tools/refresh_docs.py
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))
OUTPUTS = (".svg", ".png", ".pdf", ".dot", ".mmd", ".jsonl")


def refreshed(block: str) -> str:
    """The console block with each command's output replaced by what the command prints now."""
    out: list[str] = []
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        # `serve` runs until stopped, and the docs test skips it too
        if line.startswith("$ leraarroutes ") and not line.startswith("$ leraarroutes serve"):
            while i < len(lines) and not lines[i].startswith("$ "):
                i += 1
            with tempfile.TemporaryDirectory() as scratch:  # files the commands write stay out of the repository
                args = [str(Path(scratch) / a) if a.endswith(OUTPUTS) else a for a in shlex.split(line[2:])[1:]]
                result = subprocess.run(  # noqa: S603 - our own command, from our own docs
                    [sys.executable, "-m", "leraarroutes", *args],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=False,
                )
            out.extend(result.stdout.rstrip("\n").splitlines())
    return "\n".join(out) + "\n"


def main() -> None:
    """Refresh every page; print the pages that changed."""
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        new = re.sub(
            r"```console\n(.*?)```", lambda m: f"```console\n{refreshed(m.group(1))}```", text, flags=re.DOTALL
        )
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"refreshed {page.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
