"""One base error and its family.

Every error says *what* is wrong and *where*: the file, the line when it is known, and the
field path (``$.diplomas[1].level``).

>>> err = InputError("unknown level 'hbo'", path="$.diplomas[0].level", file="p.yaml", line=3)
>>> str(err)
"p.yaml:3: $.diplomas[0].level: unknown level 'hbo'"
>>> isinstance(err, LeraarroutesError)
True
"""

from __future__ import annotations

__all__ = [
    "CatalogueError",
    "InputError",
    "LeraarroutesError",
    "ProfileError",
    "RuleError",
    "SearchLimitError",
    "UnknownNameError",
]


class LeraarroutesError(Exception):
    """The base of every error this library raises on purpose."""


class InputError(LeraarroutesError, ValueError):
    """A file or value that cannot be read as the data it should be.

    Carries the message, the field path, the file name and the line number (each optional),
    so that a person can go straight to the mistake.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        file: str | None = None,
        line: int | None = None,
        more: tuple[InputError, ...] = (),
    ) -> None:
        self.message = message
        self.path = path
        self.file = file
        self.line = line
        self.more = more
        super().__init__("\n".join(p.one_line() for p in self.problems))

    @property
    def problems(self) -> tuple[InputError, ...]:
        """Every problem found in the same input, this one first; each names its own line.

        >>> first = InputError("unknown level 'hbo'", path="$.diplomas[0].level", file="p.yaml", line=3)
        >>> err = InputError(first.message, path=first.path, file="p.yaml", line=3,
        ...                  more=(InputError("expected a text", path="$.studying", file="p.yaml", line=6),))
        >>> [p.one_line() for p in err.problems]
        ["p.yaml:3: $.diplomas[0].level: unknown level 'hbo'", 'p.yaml:6: $.studying: expected a text']
        """
        return (self, *self.more)

    def one_line(self) -> str:
        """The one problem, on one line: file, line, field path and message."""
        where = ""
        if self.file is not None:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
            where += ": "
        if self.path is not None and self.path != "$":
            where += f"{self.path}: "
        return f"{where}{self.message}"

    def located(self, *, file: str | None = None, line: int | None = None) -> InputError:
        """Return the same error, now naming the file and line it was found in."""
        return type(self)(
            self.message,
            path=self.path,
            file=file if file is not None else self.file,
            line=line if line is not None else self.line,
            more=tuple(p.located(file=file, line=line if p.line is None else None) for p in self.more),
        )


class ProfileError(InputError):
    r"""A profile (a person's education and situation) that is malformed.

    >>> import tempfile, pathlib
    >>> from leraarroutes import load_profile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "p.yaml"
    >>> _ = path.write_text("diplomas:\n  - level: hbo\n", encoding="utf-8")
    >>> try:
    ...     load_profile(path)
    ... except ProfileError as exc:
    ...     print(exc.path, exc.line, exc.message.split(";")[0])
    $.diplomas[0].level 2 invalid value 'hbo'
    """


class CatalogueError(InputError):
    r"""A catalogue file, or a whole catalogue, that is malformed or inconsistent.

    >>> import tempfile, pathlib
    >>> from leraarroutes import load_catalogue
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "extra.yaml"
    >>> subject = "{id: Wiskunde, name: Wiskunde, name_en: Mathematics, sources: [https://example.org]}"
    >>> _ = path.write_text(f"subjects:\n  - {subject}\n", encoding="utf-8")
    >>> try:
    ...     load_catalogue(path)
    ... except CatalogueError as exc:
    ...     print(exc.line, exc.message)
    2 id must be a lower-case slug such as 'wiskunde', not 'Wiskunde'
    """


class RuleError(InputError):
    """An entry rule that is malformed: an unknown operator, a wrong shape, a bad argument.

    Raised when a rule is read on its own; inside a catalogue file the same mistake is a
    :class:`CatalogueError` naming the file and line.

    >>> from leraarroutes import Rule, loads
    >>> try:
    ...     loads("{diplom: {levels: [vwo]}}", Rule, "yaml")
    ... except RuleError as exc:
    ...     print(exc.message.split("; ")[-1])
    did you mean 'diploma'?
    """


class UnknownNameError(LeraarroutesError, LookupError):
    """A name (programme, subject, qualification, diagram) that the catalogue does not know.

    The message lists the closest valid names.

    >>> from leraarroutes import load_catalogue
    >>> try:
    ...     load_catalogue().programme("pabbo")
    ... except UnknownNameError as exc:
    ...     print(exc)
    unknown programme 'pabbo'; did you mean 'pabo', 'mpabo'?
    """


class SearchLimitError(LeraarroutesError):
    """The search for one qualification visited more states than allowed; raise ``max_states``.

    >>> import datetime as dt
    >>> from leraarroutes import Profile, find_routes, load_catalogue
    >>> try:
    ...     find_routes(load_catalogue(), Profile(), as_of=dt.date(2024, 1, 1), max_states=5)
    ... except SearchLimitError as exc:
    ...     print(exc)
    the search for one qualification produced more than 5 states and plans; lower max_steps or raise max_states
    """
