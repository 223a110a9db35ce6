"""Data the package builds from its files, kept on disk (internal): the checked catalogue, the register.

A command then need not parse and check them again. An entry is keyed by the SHA-256 of the
package version, of the package code that builds it and of every file it is built from (name and
bytes), so a changed file, module or version never finds an old entry. An entry
is used only when the folder and the file belong to the user and nobody else may write to them;
one that cannot be read back as a catalogue with the same key is removed and rebuilt, never
trusted. ``LERAARROUTES_CACHE=off`` switches it off; ``LERAARROUTES_CACHE=/some/folder`` moves it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from leraarroutes._files import atomic_writer
from leraarroutes._version import __version__
from leraarroutes.errors import InputError

T = TypeVar("T")

ENVIRONMENT = "LERAARROUTES_CACHE"
"""The variable that moves the cache (a folder) or switches it off (``off``)."""

_MAGIC = b"leraarroutes-catalogue-cache 1\n"


def folder() -> Path | None:
    """Where the cache lives, or None when it is switched off."""
    chosen = os.environ.get(ENVIRONMENT, "")
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "leraarroutes"


_PACKAGE = Path(__file__).resolve().parent
_BUILDERS = ("catalogue", "model", "rules", "register")  # the code that reads, checks and holds the data


@functools.cache
def _code() -> tuple[tuple[str, bytes], ...]:
    """The package's own code that builds a catalogue: a changed module never finds an old entry."""
    files = sorted(p for sub in _BUILDERS for p in (_PACKAGE / sub).glob("*.py"))
    files += sorted(p for p in _PACKAGE.glob("*.py"))
    return tuple((str(p.relative_to(_PACKAGE)), p.read_bytes()) for p in files)


def key(files: Iterable[tuple[str, bytes]]) -> str:
    """The cache key of a catalogue built from ``files`` (name, content) by this package's code."""
    digest = hashlib.sha256(__version__.encode())
    for name, content in [*_code(), *files]:
        digest.update(b"\0" + name.encode("utf-8") + b"\0" + str(len(content)).encode() + b"\0" + content)
    return digest.hexdigest()


def _private(path: Path) -> bool:
    """Whether ``path`` belongs to this user and nobody else may write to it."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode):
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(cache_key: str, kind: type[T]) -> T | None:
    """The ``kind`` stored under ``cache_key``, or None (missing, unsafe, corrupt or another key)."""
    where = folder()
    if where is None or not _private(where):
        return None
    path = where / f"{kind.__name__.lower()}-{cache_key}.pickle"
    if not path.exists():
        return None
    try:
        if not _private(path):
            return None
        data = path.read_bytes()
        header = _MAGIC + cache_key.encode("ascii") + b"\n"
        if not data.startswith(header):
            raise ValueError("another key")  # noqa: TRY301 - handled below like any corrupt entry
        found = pickle.loads(data[len(header) :])  # noqa: S301 - our own file in a private folder, keyed
        if not isinstance(found, kind):
            raise TypeError(f"not a {kind.__name__}")  # noqa: TRY301
    except Exception:  # noqa: BLE001 - a cache entry that does not read back is rebuilt, whatever is wrong
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return found


KEPT = 8
"""Entries kept of each kind (the newest); one per set of files and package code."""


def _prune(where: Path, prefix: str) -> None:
    entries = sorted(where.glob(f"{prefix}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()


def store(cache_key: str, value: object) -> None:
    """Keep ``value`` under ``cache_key``; a cache that cannot be written is simply not kept."""
    where = folder()
    if where is None:
        return
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where):
            return
        prefix = type(value).__name__.lower()
        data = _MAGIC + cache_key.encode("ascii") + b"\n" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with atomic_writer(where / f"{prefix}-{cache_key}.pickle", private=True) as out:
            out.write(data)
        _prune(where, prefix)
    except (OSError, pickle.PicklingError, InputError):
        return
