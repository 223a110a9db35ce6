"""Batch evaluation: the routes of many people, streamed in and out.

:func:`evaluate_chunk` is pure: give it a list of profiles and it returns one summary per
profile, so a user can map it over the partitions of any dataframe library. :func:`evaluate`
streams any iterable of ``(id, profile)`` pairs, and reuses the answer for equivalent profiles
(``dedupe=True``). :func:`read_profiles` streams CSV or JSON Lines files.

>>> import datetime as dt
>>> from leraarroutes import load_catalogue, Profile, Diploma, Level
>>> rows = [("a", Profile(diplomas=(Diploma(level=Level.VWO),)))] * 3
>>> out = list(evaluate(load_catalogue(), rows, "po", as_of=dt.date(2024, 1, 1)))
>>> [o["id"] for o in out], out[0]["routes"][0]["programmes"]
(['a', 'a', 'a'], ['pwpo'])

CSV columns (all optional but ``id``): ``diplomas`` (``level[:programme]`` separated by ``;``),
``exam_subjects`` (``;``), ``subject_ec`` (``vak=ec;…``), ``qualifications`` (``;``),
``completed`` (``;``), ``job_sector``, ``job_subject``, ``work_experience_years``.
"""

from __future__ import annotations

import collections
import concurrent.futures
import csv
import datetime as dt
import itertools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from leraarroutes import _files, _validate
from leraarroutes.catalogue import serialize
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.loading import load_catalogue
from leraarroutes.catalogue.offers import Where
from leraarroutes.engine._found import Found
from leraarroutes.engine._search import ranked
from leraarroutes.engine._where import passes
from leraarroutes.engine.report import versions
from leraarroutes.engine.routes import DEFAULT_MAX_STATES, DEFAULT_MAX_STEPS, Route, SortKey, _check_profile, _target
from leraarroutes.errors import InputError, ProfileError
from leraarroutes.model.profile import Profile

__all__ = [
    "CSV_COLUMNS",
    "evaluate",
    "evaluate_chunk",
    "evaluate_jsonl",
    "evaluate_record_batch",
    "header",
    "profile_from_row",
    "read_profiles",
    "row_from_profile",
    "summary",
]

T = TypeVar("T")

CSV_COLUMNS = (
    "id",
    "diplomas",
    "exam_subjects",
    "subject_ec",
    "qualifications",
    "completed",
    "job_sector",
    "job_subject",
    "work_experience_years",
)
"""The columns of the batch CSV format."""


class _Summarised(Protocol):
    @property
    def qualification(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def months(self) -> int | None: ...
    @property
    def ec(self) -> int | None: ...
    @property
    def programmes(self) -> tuple[str, ...]: ...


class _Known:
    """A found route seen as a summary sees a written-out one: unknown totals are None, not 0."""

    __slots__ = ("_found",)

    def __init__(self, found: Found) -> None:
        self._found = found

    @property
    def qualification(self) -> str:
        return self._found.qualification

    @property
    def status(self) -> str:
        return self._found.status

    @property
    def months(self) -> int | None:
        return self._found.months_known

    @property
    def ec(self) -> int | None:
        return self._found.ec_known

    @property
    def programmes(self) -> tuple[str, ...]:
        return self._found.programmes


def summary(routes: Iterable[Route]) -> list[dict[str, Any]]:
    """The compact form of routes used in batch output.

    >>> import datetime as dt
    >>> from leraarroutes import load_catalogue, find_routes, Profile, Diploma, Level
    >>> vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    >>> summary(find_routes(load_catalogue(), vwo, "po", as_of=dt.date(2024, 1, 1), limit=1))
    [{'qualification': 'po', 'status': 'open', 'months': 36, 'ec': None, 'programmes': ['pwpo']}]
    """
    return _summary(routes)


def _summary(routes: Iterable[_Summarised]) -> list[dict[str, Any]]:
    return [
        {
            "qualification": r.qualification,
            "status": r.status,
            "months": r.months,
            "ec": r.ec,
            "programmes": list(r.programmes),
        }
        for r in routes
    ]


def _summaries(
    catalogue: Catalogue, target: str | None, as_of: dt.date, where: Where | None = None
) -> Callable[[Profile], list[dict[str, Any]]]:
    """The summary of one profile's routes: :func:`find_routes` without writing out the reasons."""
    goal = _target(target, catalogue)
    day = _validate.day(as_of)
    keep = None if where is None or not where.active else (lambda f: passes(catalogue, f.programmes, where))

    def answer(profile: Profile) -> list[dict[str, Any]]:
        _check_profile(profile)
        found = ranked(
            catalogue,
            profile,
            goal,
            day=day,
            sort=SortKey.MONTHS.value,
            pareto=False,
            limit=None,
            max_steps=DEFAULT_MAX_STEPS,
            max_states=DEFAULT_MAX_STATES,
            keep=keep,
        )[1]
        return _summary(_Known(f) for f in found)

    return answer


def evaluate_chunk(
    catalogue: Catalogue,
    profiles: Sequence[Profile],
    target: str | None = None,
    *,
    as_of: dt.date,
    where: Where | None = None,
) -> list[list[dict[str, Any]]]:
    """The route summaries of each profile, in order; pure, so safe to run per partition.

    Equal profiles are answered once (a cohort repeats the same few situations); their entries
    are the same list, so copy one before changing it.
    """
    answer = _summaries(catalogue, target, as_of, where)
    rows = (("", profile) for profile in profiles)
    return [found for _, found in _deduped(rows, answer, dedupe=True, cache_size=_CACHE_SIZE)]


def evaluate_record_batch(
    catalogue: Catalogue,
    batch: Any,  # noqa: ANN401 - a pyarrow.RecordBatch; pyarrow is an optional extra
    target: str | None = None,
    *,
    as_of: dt.date,
    where: Where | None = None,
) -> Any:  # noqa: ANN401 - a pyarrow.RecordBatch
    """The answers for an Arrow record batch of profiles, as a record batch: the shape every engine maps.

    ``batch`` has the batch columns (:data:`CSV_COLUMNS`: ``id`` and any of the others, as texts or
    nulls); the answer has ``id``, ``routes`` (the JSON text of the route summaries) and ``line``
    (the JSON Lines text ``leraarroutes batch`` writes for the row, without its newline), in the
    input order. Equal situations in the batch are answered once. Polars (``map_batches``),
    DuckDB, Spark (``mapInArrow``) and Ray (``map_batches(batch_format="pyarrow")``) all hand
    over record batches; needs the ``parquet`` extra (pyarrow).

    >>> import datetime as dt, pyarrow as pa
    >>> from leraarroutes import load_catalogue
    >>> rows = pa.RecordBatch.from_pydict({"id": ["a", "b"], "diplomas": ["vwo", "vwo"]})
    >>> out = evaluate_record_batch(load_catalogue(), rows, "po", as_of=dt.date(2024, 1, 1))
    >>> out.column_names, out.num_rows
    (['id', 'routes', 'line'], 2)
    """
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise InputError("evaluate_record_batch needs pyarrow: pip install 'leraarroutes[parquet]'") from None
    columns = list(batch.schema.names)
    _check_columns(columns, "<record batch>", "A record batch")
    values = [batch.column(i).to_pylist() for i in range(len(columns))]
    id_at = columns.index("id")
    rows = ((line, ["" if v is None else str(v) for v in row]) for line, row in enumerate(zip(*values, strict=True), 1))
    summarise = _summaries(catalogue, target, as_of, where)

    def answer(profile: Profile) -> str:
        return json.dumps(summarise(profile), ensure_ascii=False)

    ids, routes, lines = [], [], []
    answered = _deduped(_rows(rows, columns, id_at, "<record batch>"), answer, dedupe=True, cache_size=_CACHE_SIZE)
    for row_id, encoded in answered:
        ids.append(row_id)
        routes.append(encoded)
        lines.append(_encoded(row_id, encoded).rstrip("\n"))
    schema = pa.schema([("id", pa.string()), ("routes", pa.string()), ("line", pa.string())])
    return pa.RecordBatch.from_arrays(
        [pa.array(ids, pa.string()), pa.array(routes, pa.string()), pa.array(lines, pa.string())], schema=schema
    )


def profile_from_row(row: Mapping[str, object]) -> Profile:
    """A profile from one row of the batch columns (:data:`CSV_COLUMNS`), the mapping a CSV file gives.

    Values are texts (numbers are read from their text); ``None`` and ``""`` are empty. Raises
    :class:`~leraarroutes.ProfileError` naming the column for a value it cannot read.

    >>> person = profile_from_row({"id": "7", "diplomas": "wo-bachelor:Psychologie", "job_sector": "po"})
    >>> person.diplomas[0].programme, person.job.sector.value
    ('Psychologie', 'po')
    >>> row_from_profile(person)["diplomas"]
    'wo-bachelor:Psychologie'
    """
    unknown = sorted(set(row) - set(CSV_COLUMNS))
    if unknown:
        raise ProfileError(f"unknown columns {', '.join(map(repr, unknown))}; valid: {', '.join(CSV_COLUMNS)}")
    values = {k: "" if v is None else str(v) for k, v in row.items() if k != "id"}
    try:
        document = _csv_document(values)
        serialize.check_plain(document, None, None)
    except InputError as exc:
        raise ProfileError(exc.message, path=exc.path) from None
    except ValueError as exc:
        raise ProfileError(str(exc)) from None
    return serialize.structure(document, Profile, error=ProfileError)


def row_from_profile(profile: Profile) -> dict[str, str]:
    """The batch columns of a profile (without ``id``), so that ``profile_from_row`` gives it back equal.

    A profile holding what the columns cannot (a study in progress, a CROHO code, an institution,
    a year, a description, a study form, a job offer, exam subjects differing between diplomas) is
    refused with an :class:`~leraarroutes.InputError` naming the field: dropping it would change
    the answer without saying so.
    """
    _check_profile(profile)
    lost = [
        name
        for name, held in (
            ("studying", bool(profile.studying)),
            ("description", profile.description is not None),
            ("study_form", profile.study_form is not None),
            ("job.offer", profile.job is not None and profile.job.offer),
            ("diplomas[].croho", any(d.croho is not None for d in profile.diplomas)),
            ("diplomas[].institution", any(d.institution is not None for d in profile.diplomas)),
            ("diplomas[].year", any(d.year is not None for d in profile.diplomas)),
            (
                "diplomas[].programme with ; or :",
                any(
                    d.programme and (";" in d.programme or d.programme != d.programme.strip()) for d in profile.diplomas
                ),
            ),
        )
        if held
    ]
    exams = {d.exam_subjects for d in profile.diplomas if d.exam_subjects}
    school = [d for d in profile.diplomas if d.level.value in ("havo", "vwo", "vmbo")]
    if len(exams) > 1 or (exams and any(d.exam_subjects != next(iter(exams)) for d in school)):
        lost.append("diplomas[].exam_subjects (one list for all school diplomas)")
    if lost:
        raise InputError(f"the batch columns cannot hold {', '.join(lost)}")
    years = profile.work_experience_years
    return {
        "diplomas": ";".join(d.level.value + (f":{d.programme}" if d.programme else "") for d in profile.diplomas),
        "exam_subjects": ";".join(next(iter(exams), ())),
        "subject_ec": ";".join(f"{k}={v}" for k, v in profile.subject_ec),
        "qualifications": ";".join(str(q) for q in profile.qualifications),
        "completed": ";".join(profile.completed),
        "job_sector": "" if profile.job is None else profile.job.sector.value,
        "job_subject": "" if profile.job is None or profile.job.subject is None else profile.job.subject,
        "work_experience_years": "" if years is None else repr(float(years)),
    }


_CACHE_SIZE = 20_000
"""Most distinct answers kept while de-duplicating, so memory stays flat however many rows come in."""


def _deduped(
    rows: Iterable[tuple[str, Profile]], answer: Callable[[Profile], T], *, dedupe: bool, cache_size: int
) -> Iterator[tuple[str, T]]:
    """``(id, answer(profile))`` per row; equal profiles reuse an answer while it is cached."""
    cache: dict[Profile, T] = {}
    for row_id, profile in rows:
        _check_profile(profile)  # before it is hashed: plain data gets the message that says what to do
        if not dedupe:
            yield row_id, answer(profile)
            continue
        if profile not in cache:
            if len(cache) >= cache_size:
                cache.pop(next(iter(cache)))
            cache[profile] = answer(profile)
        yield row_id, cache[profile]


def evaluate(
    catalogue: Catalogue,
    rows: Iterable[tuple[str, Profile]],
    target: str | None = None,
    *,
    as_of: dt.date,
    dedupe: bool = True,
    cache_size: int = 20_000,
    where: Where | None = None,
) -> Iterator[dict[str, Any]]:
    """Stream ``{"id": …, "routes": […]}`` for each ``(id, profile)``, in input order.

    With ``dedupe`` an equal profile reuses the earlier answer (at most ``cache_size`` kept, so
    memory stays flat however many rows come in).
    """
    answer = _summaries(catalogue, target, as_of, where)
    for row_id, routes in _deduped(rows, answer, dedupe=dedupe, cache_size=cache_size):
        yield {"id": row_id, "routes": routes}


def evaluate_jsonl(
    catalogue: Catalogue,
    rows: Iterable[tuple[str, Profile]],
    target: str | None = None,
    *,
    as_of: dt.date,
    dedupe: bool = True,
    cache_size: int = 20_000,
    where: Where | None = None,
) -> Iterator[str]:
    """Like :func:`evaluate`, as JSON Lines text; with ``dedupe`` each distinct answer is encoded once."""
    summarise = _summaries(catalogue, target, as_of, where)

    def answer(profile: Profile) -> str:
        return json.dumps(summarise(profile), ensure_ascii=False)

    for row_id, encoded in _deduped(rows, answer, dedupe=dedupe, cache_size=cache_size):
        yield _encoded(row_id, encoded)


def header(
    catalogue: Catalogue, target: str | None = None, *, as_of: dt.date, where: Where | None = None
) -> dict[str, Any]:
    """The first line of a batch output: what the answers below it came from.

    It has no ``id``, so a reader tells it from the answers; ``leraarroutes batch`` writes it first.

    >>> import datetime as dt
    >>> from leraarroutes import load_catalogue
    >>> line = header(load_catalogue(), "po", as_of=dt.date(2024, 1, 1))
    >>> line["as_of"], line["target"], "id" in line
    ('2024-01-01', 'po', False)
    """
    return {
        **versions(catalogue),
        "as_of": _validate.day(as_of).isoformat(),
        "target": target,
        "filter": None if where is None or not where.active else where.describe("en"),
    }


def _encoded(row_id: str, encoded: str) -> str:
    quoted = f'"{row_id}"' if _PLAIN_ID.fullmatch(row_id) else json.dumps(row_id, ensure_ascii=False)
    return f'{{"id": {quoted}, "routes": {encoded}}}\n'


CHUNK_ROWS = 500
"""Rows a worker of :func:`evaluate_jsonl_parallel` answers at a time."""

_WORKER: dict[str, Any] = {}


def _start_worker(
    paths: tuple[str, ...], target: str | None, as_of: dt.date, where: Where | None, dedupe: bool
) -> None:
    """In each worker process: its own catalogue (from the disk cache when it is there) and answers."""
    summarise = _summaries(load_catalogue(*paths), target, as_of, where)
    _WORKER.update(summarise=summarise, dedupe=dedupe, cache={})


def _answer_chunk(rows: list[tuple[str, Profile]]) -> list[str]:
    summarise = _WORKER["summarise"]

    def answer(profile: Profile) -> str:
        return json.dumps(summarise(profile), ensure_ascii=False)

    # each worker keeps its own answers to equal profiles, across its chunks
    cache: dict[Profile, str] = _WORKER["cache"]
    lines = []
    for row_id, profile in rows:
        if not _WORKER["dedupe"]:
            lines.append(_encoded(row_id, answer(profile)))
            continue
        if profile not in cache:
            if len(cache) >= 20_000:  # noqa: PLR2004 - as evaluate's cache_size
                cache.pop(next(iter(cache)))
            cache[profile] = answer(profile)
        lines.append(_encoded(row_id, cache[profile]))
    return lines


def evaluate_jsonl_parallel(
    catalogue_paths: Sequence[str | os.PathLike[str]],
    rows: Iterable[tuple[str, Profile]],
    target: str | None = None,
    *,
    as_of: dt.date,
    jobs: int,
    dedupe: bool = True,
    where: Where | None = None,
) -> Iterator[str]:
    """Like :func:`evaluate_jsonl`, answered by ``jobs`` worker processes, in input order.

    Each worker loads the catalogue (the shipped one plus ``catalogue_paths``) once and answers
    chunks of :data:`CHUNK_ROWS` rows; at most two chunks per worker are in flight, so memory stays
    flat however long the input. The lines are the same as :func:`evaluate_jsonl` gives.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InputError(f"jobs must be a whole number of 1 or more, not {jobs!r}")
    paths = tuple(str(p) for p in catalogue_paths)
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(paths, target, as_of, where, dedupe)
    ) as pool:
        pending: collections.deque[concurrent.futures.Future[list[str]]] = collections.deque()
        source = iter(rows)
        while True:
            while len(pending) < 2 * jobs and (chunk := list(itertools.islice(source, CHUNK_ROWS))):
                pending.append(pool.submit(_answer_chunk, chunk))
            if not pending:
                return
            yield from pending.popleft().result()


_PLAIN_ID = re.compile(r"[A-Za-z0-9_.:/+-]*")
"""Ids that are their own JSON string body (most ids); others go through the JSON encoder."""


_ROW_CACHE = 10_000
"""Most distinct CSV rows kept built while streaming, so memory stays flat in the file's length."""


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def _csv_document(row: dict[str, str]) -> dict[str, Any]:  # noqa: C901 - one branch per column
    diplomas = []
    exams = _split(row.get("exam_subjects"))
    for item in _split(row.get("diplomas")):
        level, _, programme = item.partition(":")
        diploma: dict[str, Any] = {"level": level}
        if programme:
            diploma["programme"] = programme
        if exams and level in ("havo", "vwo", "vmbo"):
            diploma["exam_subjects"] = exams
        diplomas.append(diploma)
    document: dict[str, Any] = {"diplomas": diplomas}
    ec = {}
    for item in _split(row.get("subject_ec")):
        subject, _, amount = item.partition("=")
        if not amount.strip().isdigit():
            raise ValueError(f"subject_ec item {item!r} is not vak=ec")
        ec[subject.strip()] = int(amount)
    if ec:
        document["subject_ec"] = ec
    for key in ("qualifications", "completed"):
        if _split(row.get(key)):
            document[key] = _split(row.get(key))
    if row.get("job_sector"):
        job: dict[str, Any] = {"sector": row["job_sector"]}
        if row.get("job_subject"):
            job["subject"] = row["job_subject"]
        document["job"] = job
    if row.get("work_experience_years"):
        document["work_experience_years"] = float(row["work_experience_years"])
    return document


def read_profiles(path: str | os.PathLike[str]) -> Iterator[tuple[str, Profile]]:
    """Stream ``(id, profile)`` from a ``.csv``, ``.jsonl`` or ``.parquet`` file.

    Parquet files have the CSV columns (as strings) and need the ``parquet`` extra (pyarrow); they
    are read one row group at a time. Raises :class:`~leraarroutes.ProfileError` naming the file
    and line (for Parquet: row) of a bad row.
    """
    p = Path(path)
    suffix = ".csv" if _files.is_stdin(path) else p.suffix.lower()
    name = _files.display(path)
    if suffix == ".parquet":
        yield from _read_parquet(_files.regular_file(p, ProfileError))
        return
    if suffix not in (".csv", ".jsonl"):
        raise InputError(f"cannot read profiles from {suffix or '(none)'!r}; use .csv, .jsonl or .parquet", file=name)
    lines = _files.lines(path, ProfileError)
    yield from (_read_csv(lines, name) if suffix == ".csv" else _read_jsonl(lines, name))


class _CsvReader(Protocol):
    line_num: int

    def __next__(self) -> list[str]: ...


_SHOWN_COLUMNS = 5
"""Most unknown columns a message names."""


def _check_columns(columns: Sequence[str], path: str | os.PathLike[str], what: str) -> None:
    unknown = sorted(set(columns) - set(CSV_COLUMNS))
    if unknown or "id" not in columns:
        shown = ", ".join(repr(c[:40]) for c in unknown[:_SHOWN_COLUMNS])
        if len(unknown) > _SHOWN_COLUMNS:  # a header of a million columns gives one short line
            shown += f" and {len(unknown) - _SHOWN_COLUMNS:,} more"
        raise ProfileError(
            f"{what} needs an id column and may have {', '.join(CSV_COLUMNS)}; unknown: {shown or '-'}",
            file=str(path),
            line=1,
        )
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if repeated:
        raise ProfileError(f"{what} names the column {repeated[0]!r} twice", file=str(path), line=1)


def _read_parquet(path: Path) -> Iterator[tuple[str, Profile]]:
    try:
        import pyarrow.parquet as pq  # noqa: PLC0415 - an optional extra, loaded only for Parquet
    except ImportError:
        raise InputError(
            "reading .parquet needs pyarrow: pip install 'leraarroutes[parquet]'", file=str(path)
        ) from None
    try:
        source = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) for non-Parquet
        raise ProfileError(f"cannot read as Parquet: {exc}", file=str(path)) from None
    columns = source.schema_arrow.names
    _check_columns(columns, path, "Parquet")
    rows = (
        ["" if v is None else str(v) for v in values]
        for chunk in source.iter_batches(batch_size=10_000)
        for values in zip(*(column.to_pylist() for column in chunk.columns), strict=True)
    )
    yield from _rows(enumerate(rows, 1), columns, columns.index("id"), path)


def _read_csv(handle: Iterable[str], path: str | os.PathLike[str]) -> Iterator[tuple[str, Profile]]:
    reader = csv.reader(handle)
    header = _csv_row(reader, path) or []
    _check_columns(header, path, "CSV")

    def numbered() -> Iterator[tuple[int, list[str]]]:
        while (values := _csv_row(reader, path)) is not None:
            if not values:  # a blank line
                continue
            if len(values) != len(header):
                raise ProfileError(
                    f"this row has {len(values)} fields; the header has {len(header)} ({', '.join(header)})",
                    file=str(path),
                    line=reader.line_num,
                )
            yield reader.line_num, values

    yield from _rows(numbered(), header, header.index("id"), path)


def _csv_row(reader: _CsvReader, path: str | os.PathLike[str]) -> list[str] | None:
    """The next row of a CSV reader, or None at the end; a malformed row is a ProfileError."""
    try:
        return next(reader, None)
    except csv.Error as exc:  # a field past csv's size limit, a NUL byte, an unclosed quote at the end
        raise ProfileError(f"not valid CSV: {exc}", file=str(path), line=reader.line_num) from None


def _rows(
    rows: Iterable[tuple[int, list[str]]], columns: Sequence[str], id_at: int, path: str | os.PathLike[str]
) -> Iterator[tuple[str, Profile]]:
    """``(id, profile)`` per ``(line, column values)``; ``id_at`` is the position of the id."""
    # Equal rows (but for the id) are built once: a cohort file repeats the same few situations.
    seen: dict[tuple[str, ...], Profile] = {}
    for line, values in rows:
        row_id = values[id_at]
        values[id_at] = ""
        key = tuple(values)
        profile = seen.get(key)
        if profile is None:
            try:
                document = _csv_document(dict(zip(columns, values, strict=True)))
                serialize.check_plain(document, str(path), None)
            except InputError as exc:
                raise ProfileError(exc.message, path=exc.path, file=str(path), line=line) from None
            except ValueError as exc:
                raise ProfileError(str(exc), file=str(path), line=line) from None
            profile = _structure(document, path, line)
            if len(seen) >= _ROW_CACHE:
                seen.pop(next(iter(seen)))
            seen[key] = profile
        yield row_id, profile


def _read_jsonl(handle: Iterable[str], path: str | os.PathLike[str]) -> Iterator[tuple[str, Profile]]:
    for line, text in enumerate(handle, 1):
        if not text.strip():
            continue
        try:
            document = serialize.parse_text(text, "json", file=str(path))[0][0]
        except InputError as exc:
            raise ProfileError(exc.message, path=exc.path, file=str(path), line=line) from None
        if not isinstance(document, dict):
            raise ProfileError("each line must be a JSON object", file=str(path), line=line)
        row_id = document.pop("id", line)
        if isinstance(row_id, bool) or not isinstance(row_id, str | int):
            raise ProfileError(f"id must be a text or a whole number, not {row_id!r}", file=str(path), line=line)
        row_id = str(row_id)
        yield row_id, _structure(document, path, line)


def _structure(document: dict[str, Any], path: str | os.PathLike[str], line: int) -> Profile:
    try:
        return serialize.structure(document, Profile, error=ProfileError, file=str(path))
    except ProfileError as exc:  # every problem of the row, at the row's line
        raise exc.located(file=str(path), line=line) from None
