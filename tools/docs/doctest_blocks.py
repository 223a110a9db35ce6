"""A griffe extension for the docs build: doctest examples in docstrings are shown as code.

Docstrings hold ``>>>`` examples that pytest runs. Read as Markdown they are nested block
quotes, and an output such as ``['po']`` is a link reference that does not exist; this wraps
every run of example lines (a ``>>>`` line, its ``...`` continuations and its output, up to a
blank line) in a fenced ``pycon`` block, as they are written, so the page shows what the test runs.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_examples(text: str) -> str:
    r"""The docstring with every doctest example fenced as ``pycon`` code.

    >>> print(fence_examples("Text.\n\n>>> 1 + 1\n2\n\nMore."))
    Text.
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    <BLANKLINE>
    More.
    """
    out: list[str] = []
    fence = ""  # the indentation of the open fence, or "" outside an example
    inside = False
    for line in text.splitlines():
        stripped = line.lstrip()
        if not inside and stripped.startswith(">>>"):
            fence = line[: len(line) - len(stripped)]
            out.append(f"{fence}```pycon")
            inside = True
        elif inside and not stripped:
            out.append(f"{fence}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{fence}```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctest examples of every docstring griffe reads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ANN401 - griffe's hook
        """Rewrite the object's docstring once, when griffe creates the object."""
        _ = kwargs
        if obj.docstring is not None:
            obj.docstring.value = fence_examples(obj.docstring.value)
