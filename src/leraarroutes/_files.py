"""The one way the package reads a file a user gives it, and the one way it writes one (internal).

A name is a regular file (after following links) or ``-`` for standard input. A FIFO, a device
or a folder behind a name is refused before anything is read, and what is read stops at a
limit whatever ``stat`` says, so ``/dev/zero`` or an endless pipe cannot fill the memory. A
UTF-8 byte order mark (what Excel and Notepad write) is accepted everywhere; a decode error names
its line and column.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from leraarroutes.errors import InputError

MAX_FILE_BYTES = 5_000_000
"""Largest profile, catalogue or rule file read, in bytes (5 MB); reading stops past it."""

MAX_LINE_CHARACTERS = 1_000_000
"""Longest line of a streamed file (batch CSV or JSON Lines), in characters."""

STDIN = "-"
"""The name that means standard input."""

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def is_stdin(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names standard input (``-``)."""
    return os.fspath(path) == STDIN


def display(path: str | os.PathLike[str]) -> str:
    """How a file is named in messages: its path, or ``<stdin>`` for ``-``."""
    return "<stdin>" if is_stdin(path) else os.fspath(path)


def regular_file(path: str | os.PathLike[str], error: type[InputError] = InputError) -> Path:
    """``path`` with its links followed, when it is a regular file; else ``error`` saying what it is."""
    name = os.fspath(path)
    try:
        real = Path(name).resolve(strict=True)
        mode = real.stat().st_mode
    except FileNotFoundError:
        raise error("no such file", file=display(name)) from None
    except OSError as exc:  # a loop of links, a name too long, no permission on a folder
        raise error(f"cannot read: {exc.strerror or exc}", file=display(name)) from None
    except RuntimeError:  # Python 3.11-3.12 raise this for a loop of symbolic links
        raise error("cannot read: a loop of symbolic links", file=display(name)) from None
    if stat.S_ISDIR(mode):
        raise error("is a directory, not a file", file=display(name))
    if not stat.S_ISREG(mode):
        kind = next((label for test, label in _KINDS if test(mode)), "not a regular file")
        raise error(f"is {kind}, not a regular file; give a file, or - for standard input", file=display(name))
    return real


def read_bytes(path: str | os.PathLike[str], error: type[InputError], limit: int = MAX_FILE_BYTES) -> bytes:
    """At most ``limit`` bytes of a regular file or standard input; more is refused."""
    name = os.fspath(path)
    try:
        if is_stdin(name):
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with regular_file(name, error).open("rb") as handle:
                data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", file=display(name)) from None
    if len(data) > limit:
        limit_name = "leraarroutes.catalogue.MAX_FILE_BYTES"
        raise error(f"more than {limit:,} bytes; the limit is {limit:,} ({limit_name})", file=display(name))
    return data


def decode(data: bytes, name: str, error: type[InputError]) -> str:
    """UTF-8 text of ``data`` without a byte order mark; a bad byte named by line and column."""
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise error(f"not UTF-8 text at column {column} (byte {exc.start})", file=display(name), line=line) from None


def read_text(path: str | os.PathLike[str], error: type[InputError], limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file or standard input, at most ``limit`` bytes."""
    return decode(read_bytes(path, error, limit), os.fspath(path), error)


def lines(path: str | os.PathLike[str], error: type[InputError]) -> Iterator[str]:
    """The lines of a regular file or standard input, newlines kept (as :mod:`csv` wants them).

    Each line is at most :data:`MAX_LINE_CHARACTERS` long and decoded on its own, so a bad byte
    is named by its line and column; a byte order mark before the first line is dropped.
    """
    name = os.fspath(path)
    try:
        handle: BinaryIO = sys.stdin.buffer if is_stdin(name) else regular_file(name, error).open("rb")
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", file=display(name)) from None
    too_long = f"line longer than {MAX_LINE_CHARACTERS:,} characters"
    try:
        number = 0
        while True:
            number += 1
            try:
                raw = handle.readline(MAX_LINE_CHARACTERS * 4 + 1)  # a character is at most 4 bytes
            except OSError as exc:
                raise error(f"cannot read: {exc.strerror or exc}", file=display(name), line=number) from None
            if not raw:
                return
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if len(raw) > MAX_LINE_CHARACTERS * 4:  # more bytes than the longest line can have
                raise error(too_long, file=display(name), line=number)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise error(f"not UTF-8 text at column {exc.start + 1}", file=display(name), line=number) from None
            if len(text) > MAX_LINE_CHARACTERS:
                raise error(too_long, file=display(name), line=number)
            yield text
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()


def atomic_writer(
    path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (), private: bool = False
) -> contextlib.AbstractContextManager[BinaryIO]:
    """A binary file handle whose content replaces ``path`` when the block ends without an error.

    The one writer of the package (catalogues, profiles, pictures, batch output, the advice
    sheet, the cache): a unique temporary name beside ``path``, written, synced to disk and
    renamed, so the file appears whole or not at all; it honours the umask (``private``: only
    the owner may read it, as the cache wants); it never replaces one of ``inputs`` (by name or
    by inode) nor anything but a regular file; the temporary file goes on every way out,
    SIGTERM included (the command turns it into an exception).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_writer(folder / "a.txt") as handle:
    ...     _ = handle.write(b"klaar")
    >>> (folder / "a.txt").read_bytes()
    b'klaar'

    ``-`` is standard output, written as the bytes come: a pipe cannot be replaced whole.
    """
    if is_stdin(path):  # "-": the same name means standard output when written
        return _standard_output()
    return _replacing(Path(path), inputs=inputs, private=private)


@contextlib.contextmanager
def _standard_output() -> Iterator[BinaryIO]:
    stdout = sys.stdout.buffer
    yield stdout
    stdout.flush()


@contextlib.contextmanager
def _replacing(target: Path, *, inputs: Iterable[str | os.PathLike[str]], private: bool) -> Iterator[BinaryIO]:
    path = target
    refuse_inputs(target, inputs)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror}", file=str(path)) from None
    else:
        if stat.S_ISDIR(mode):
            raise InputError("is a directory; give a file name to write", file=str(path))
        if not stat.S_ISREG(mode):  # a FIFO or a device would be replaced by a regular file
            raise InputError("is not a regular file; refusing to replace it", file=str(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name[:200]}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror}", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # the bytes are on disk before the name points at them
        if not private:  # mkstemp made it 0600
            os.chmod(tmp, 0o666 & ~_umask())  # noqa: PTH101 - on the path mkstemp gave
        Path(tmp).replace(target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write: {exc.strerror}", file=str(path)) from None
    except BaseException:  # an error, Ctrl-C or (through the command's handler) SIGTERM
        Path(tmp).unlink(missing_ok=True)
        raise


def refuse_inputs(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse to write over an input: by its path with links followed, or by its inode."""
    for source in inputs:
        if is_stdin(source):
            continue
        same = Path(source).resolve() == target.resolve()
        if not same:
            try:
                same = Path(source).samefile(target)  # a hard link, a bind mount
            except OSError:
                same = False
        if same:
            raise InputError(f"refusing to write over an input file ({os.fspath(source)})", file=str(target))


def _umask() -> int:
    """The process's umask (reading it means setting it; it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
