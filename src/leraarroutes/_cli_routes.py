"""Route commands of the CLI (internal); filled in with the route engine."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the route commands to the CLI's subparsers."""
    _ = sub
