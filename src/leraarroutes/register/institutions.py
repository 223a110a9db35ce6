"""Institutions by any of their names: the register's, the verwantschapstabel's, the usual short ones.

>>> canonical("TU Delft"), canonical("Wageningen Universiteit")
('Technische Universiteit Delft', 'Wageningen University & Research')
>>> same_institution("tu delft", ["Technische Universiteit Delft", "Universiteit Twente"])
True
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable

from leraarroutes.register.degrees import fold

__all__ = ["canonical", "same_institution"]


@functools.cache
def _names() -> dict[str, str]:
    import yaml  # noqa: PLC0415 - PyYAML loads with the first lookup, not with the package

    text = (importlib.resources.files("leraarroutes.register") / "data" / "instellingen.yaml").read_text(
        encoding="utf-8"
    )
    names: dict[str, str] = {}
    for group in yaml.safe_load(text)["institutions"]:
        for name in group:
            names[fold(name)] = group[0]
    return names


@functools.lru_cache(maxsize=4096)
def canonical(name: str) -> str:
    """The register's name of an institution, or the name itself when no alias is known."""
    return _names().get(fold(name), " ".join(name.split()))


def same_institution(name: str, names: Iterable[str]) -> bool:
    """Whether ``name`` is one of ``names`` under any of its spellings."""
    wanted = _key(name)
    return any(_key(n) == wanted for n in names)


@functools.lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return fold(canonical(name))
