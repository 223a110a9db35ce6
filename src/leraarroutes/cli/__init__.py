"""The command layer: the ``leraarroutes`` command, a thin layer that parses, calls the library and prints.

``_main`` has the parser and the catalogue commands; ``_routes`` the commands that ask the engine
(routes, explain, diagram, batch); ``_law_search`` searches the laws for counterexamples. This
module imports none of them until a command runs, so ``leraarroutes --version`` loads nothing else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from leraarroutes._version import __version__


def build_parser(lang: str = "nl") -> argparse.ArgumentParser:
    """The argument parser of the ``leraarroutes`` command, its help in ``lang`` (``nl`` or ``en``)."""
    from leraarroutes.cli import _main  # noqa: PLC0415 - the commands load when they are used

    return _main.build_parser(lang)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:  # answered before anything of the library is imported
        print(f"leraarroutes {__version__}")
        return 0
    from leraarroutes.cli import _main  # noqa: PLC0415 - the commands load when they are used

    return _main.main(arguments)


__all__ = ["build_parser", "main"]
