"""Reading and writing profiles and catalogues from files.

>>> cat = load_catalogue()
>>> len(cat.programmes) > 20
True
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from leraarroutes import _cache, _files
from leraarroutes._files import MAX_FILE_BYTES, atomic_writer, refuse_inputs
from leraarroutes.catalogue.catalogue import _SECTIONS, Catalogue, CatalogueFile, Origin
from leraarroutes.catalogue.checks import check
from leraarroutes.errors import CatalogueError, InputError, ProfileError
from leraarroutes.model.profile import Profile

if TYPE_CHECKING:
    from types import ModuleType


def _serialize() -> ModuleType:
    """The serialisation module, imported on first use: cattrs and PyYAML are most of the import time."""
    from leraarroutes.catalogue import serialize  # noqa: PLC0415 - deferred on purpose, see the docstring

    return serialize


__all__ = [
    "MAX_FILE_BYTES",
    "atomic_writer",
    "catalogue_from_texts",
    "display_name",
    "format_of",
    "load_catalogue",
    "load_profile",
    "load_profiles",
    "profiles_from_text",
    "refuse_inputs",
    "save",
    "save_text",
    "write_atomically",
]

_PARTS = (*_SECTIONS, "retrieved")
"""What a catalogue file contributes: its sections, and the date its facts were read."""

_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


def format_of(path: str | os.PathLike[str]) -> str:
    """The format of a file, from its suffix (``.yaml``/``.yml``, ``.json``, ``.toml``).

    Standard input (``-``) is read as YAML, which JSON text is too.
    """
    if _files.is_stdin(path):
        return "yaml"
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise InputError(
            f"cannot tell the format from the suffix {suffix or '(none)'!r}; use one of: {', '.join(_SUFFIXES)}",
            file=str(path),
        ) from None


display_name = _files.display
_read = _files.read_text


def load_profiles(path: str | os.PathLike[str]) -> list[Profile]:
    r"""Every profile in a file (YAML may hold several, separated by ``---``).

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cohort.yaml"
    >>> _ = path.write_text("diplomas: [{level: vwo}]\n---\njob: {sector: po}\n", encoding="utf-8")
    >>> [p.job for p in load_profiles(path)]
    [None, Job(sector=<Sector.PO: 'po'>, subject=None, offer=False)]

    Raises :class:`~leraarroutes.ProfileError` naming the file, line and field.
    """
    text = _read(path, ProfileError)  # a device or a folder is named as such before its suffix
    return profiles_from_text(text, format_of(path), display_name(path))


def profiles_from_text(text: str, fmt: str, name: str) -> list[Profile]:
    """Every profile in ``text`` (of format ``fmt``), read from the file called ``name``."""
    try:
        documents = _serialize().parse_text(text, fmt, file=name)
    except InputError as exc:
        raise ProfileError(exc.message, path=exc.path, file=exc.file, line=exc.line) from None
    if not documents:
        raise ProfileError("the file holds no profile", file=name)
    return [_serialize().structure(data, Profile, error=ProfileError, file=name, node=node) for data, node in documents]


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """The one profile in a file; a file with several profiles is refused (use :func:`load_profiles`)."""
    profiles = load_profiles(path)
    if len(profiles) != 1:
        raise ProfileError(
            f"the file holds {len(profiles)} profiles; load it with load_profiles()", file=display_name(path)
        )
    return profiles[0]


def _shipped_files() -> list[tuple[str, str]]:
    data = importlib.resources.files("leraarroutes.catalogue") / "data"
    return sorted(
        (f"leraarroutes/catalogue/data/{entry.name}", entry.read_text(encoding="utf-8"))
        for entry in data.iterdir()
        if entry.name.endswith((".yaml", ".json"))
    )


def _file_parts(name: str, text: str, fmt: str, *, trusted: bool = False) -> dict[str, list[tuple[Any, Origin]]]:
    """The sections of one catalogue file, each entry with where it was read.

    ``trusted`` text (the shipped data) is parsed with libyaml when available, without line
    numbers; should it hold an error, it is parsed again the careful way to say where.
    """
    import yaml  # noqa: PLC0415 - deferred with the serialisation module

    if trusted and fmt == "yaml" and hasattr(yaml, "CSafeLoader"):
        try:
            fast = [(data, None) for data in yaml.load_all(text, Loader=yaml.CSafeLoader)]
            return _sections(name, fast)
        except (yaml.YAMLError, InputError):
            pass
    if trusted and fmt == "json":  # the generated files: plain JSON, checked by the same converter
        import json  # noqa: PLC0415

        return _sections(name, [(json.loads(text), None)])
    try:
        documents = _serialize().parse_text(text, fmt, file=name)
    except InputError as exc:
        raise CatalogueError(exc.message, path=exc.path, file=exc.file, line=exc.line) from None
    return _sections(name, documents)


def _sections(name: str, documents: list[tuple[Any, Any]]) -> dict[str, list[tuple[Any, Origin]]]:
    from leraarroutes.catalogue._yaml import line_of  # noqa: PLC0415 - deferred with the serialisation module

    serialize = _serialize()
    parts: dict[str, list[tuple[Any, Origin]]] = {s: [] for s in _PARTS}
    for data, node in documents:
        if data is None:
            continue
        content = serialize.structure(data, CatalogueFile, error=CatalogueError, file=name, node=node)
        for section in _SECTIONS:
            for i, item in enumerate(getattr(content, section)):
                path = f"$.{section}[{i}]"
                line = line_of(node, path)
                parts[section].append((item, Origin(file=name, path=path, line=line)))
        if content.retrieved is not None:
            parts["retrieved"].append((content.retrieved, Origin(file=name, path="$.retrieved")))
    return parts


@functools.lru_cache(maxsize=1)
def _shipped_parts() -> tuple[tuple[str, ...], dict[str, list[tuple[Any, Origin]]]]:
    parts: dict[str, list[tuple[Any, Origin]]] = {s: [] for s in _PARTS}
    names = []
    for name, text in _shipped_files():
        names.append(name)
        for section, items in _file_parts(name, text, format_of(name), trusted=True).items():
            parts[section].extend(items)
    return tuple(names), parts


@functools.lru_cache(maxsize=1)
def _shipped_catalogue() -> Catalogue:
    def build() -> Catalogue:
        names, parts = _shipped_parts()
        return check(parts, names)

    return _cached([(name, text.encode("utf-8")) for name, text in _shipped_files()], build)


def _cached(files: list[tuple[str, bytes]], build: Callable[[], Catalogue]) -> Catalogue:
    """The catalogue of ``files`` from the disk cache, else built, checked and kept there."""
    cache_key = _cache.key(files)
    found = _cache.load(cache_key, Catalogue)
    if found is not None:
        return found
    catalogue = build()
    _cache.store(cache_key, catalogue)
    return catalogue


def load_catalogue(*paths: str | os.PathLike[str], shipped: bool = True) -> Catalogue:
    """The shipped catalogue, plus the user's extra catalogue files ``paths``.

    With ``shipped=False`` only ``paths`` are read. The shipped catalogue alone is read once and
    shared: catalogues are immutable. Raises :class:`~leraarroutes.CatalogueError`
    naming file, entry and field for duplicate ids, dangling references, unknown subjects, missing
    sources and impossible dates.
    """
    if shipped and not paths:
        return _shipped_catalogue()
    # read before the format is asked, so that a device or a folder is named as such, not by its suffix
    texts = [(display_name(path), _read(path, CatalogueError), format_of(path)) for path in paths]
    return catalogue_from_texts(texts, shipped=shipped)


def catalogue_from_texts(texts: list[tuple[str, str, str]], *, shipped: bool = True) -> Catalogue:
    """The catalogue of ``(name, text, format)`` files, with the shipped one unless ``shipped=False``."""

    def build() -> Catalogue:
        names: list[str] = []
        parts: dict[str, list[tuple[Any, Origin]]] = {s: [] for s in _PARTS}
        if shipped:
            shipped_names, shipped_parts = _shipped_parts()
            names.extend(shipped_names)
            for section, items in shipped_parts.items():
                parts[section].extend(items)
        for name, text, fmt in texts:
            names.append(name)
            for section, items in _file_parts(name, text, fmt).items():
                parts[section].extend(items)
        return check(parts, tuple(names))

    files = [(name, text.encode("utf-8")) for name, text, _ in texts]
    if shipped:
        files = [(name, text.encode("utf-8")) for name, text in _shipped_files()] + files
    return _cached(files, build)


def save(obj: object, path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write a profile or catalogue file atomically, in the format its suffix names.

    The file appears whole or not at all: the text goes to a temporary file beside it that then
    replaces ``path``. Writing over one of ``inputs`` is refused. A :class:`Catalogue` is written
    as one catalogue file (:meth:`Catalogue.as_file`), which
    ``load_catalogue(path, shipped=False)`` reads back. Anything but a domain object is an
    :class:`~leraarroutes.InputError`.

    >>> import tempfile, pathlib
    >>> from leraarroutes import Diploma, Level, Profile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "sanne.json"
    >>> save(Profile(diplomas=(Diploma(level=Level.VWO),)), path)
    >>> path.read_text(encoding="utf-8").split()
    ['{', '"diplomas":', '[', '{', '"level":', '"vwo"', '}', ']', '}']
    >>> load_profile(path) == Profile(diplomas=(Diploma(level=Level.VWO),))
    True
    """
    if isinstance(obj, Catalogue):
        obj = obj.as_file()
    elif not attrs.has(type(obj)) or not type(obj).__module__.startswith("leraarroutes."):
        raise InputError(f"save writes profiles, catalogues and their parts, not {type(obj).__name__}", file=str(path))
    save_text(path, _serialize().dumps(obj, format_of(path)), inputs=inputs)


def save_text(path: str | os.PathLike[str], text: str, *, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write ``text`` to ``path`` atomically; writing over one of ``inputs`` is refused."""
    write_atomically(path, text.encode("utf-8"), inputs=inputs)


def write_atomically(
    path: str | os.PathLike[str], data: bytes, *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Write ``data`` to ``path`` whole or not at all, through a temporary file beside it.

    Writing over one of ``inputs`` is refused; a folder that does not exist or cannot be written
    is an :class:`~leraarroutes.InputError` naming the file. The file gets the permissions any
    program's new file gets (0644 under umask 022), not the temporary file's 0600.
    """
    with atomic_writer(path, inputs=inputs) as handle:
        handle.write(data)
