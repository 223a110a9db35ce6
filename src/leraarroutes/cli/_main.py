"""The ``leraarroutes`` command: a thin layer that parses, calls the library and prints.

Exit codes: 0 success, 1 a check that failed, 2 bad input (one clear message, no traceback
unless ``--debug`` is given).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from leraarroutes import _files, _validate
from leraarroutes._version import __version__
from leraarroutes.catalogue import serialize
from leraarroutes.catalogue.catalogue import _SECTIONS, Catalogue
from leraarroutes.catalogue.loading import (
    catalogue_from_texts,
    display_name,
    format_of,
    load_catalogue,
    profiles_from_text,
)
from leraarroutes.catalogue.programmes import Programme
from leraarroutes.catalogue.schema import SCHEMAS, json_schema
from leraarroutes.cli._arguments import date_argument, positive_argument
from leraarroutes.cli._options import extra_option, format_option, language_option
from leraarroutes.cli._routes import future_years
from leraarroutes.cli._words import FRAME, HELP, LANGUAGES, argparse_language, message, run_language
from leraarroutes.engine.report import versions
from leraarroutes.errors import CatalogueError, InputError, LeraarroutesError, ProfileError
from leraarroutes.model.education import Diploma, Study

__all__ = ["main"]

_SECTOR_NAMES = {
    "nl": {
        "po": "Primair onderwijs",
        "vo": "Voortgezet onderwijs",
        "mbo": "Middelbaar beroepsonderwijs",
    },
    "en": {
        "po": "Primary education",
        "vo": "Secondary education",
        "mbo": "Vocational education (mbo)",
    },
}

_WORDS = {
    "nl": {
        "months": "mnd",
        "subjects": "vakken",
        "grants": "geeft",
        "no_route": "verandert geen route",
        "unconfirmed": "onbevestigd",
        "until": "tot",
        "from": "vanaf",
        "summary": "{p} programma's, {s} vakken, {k} soorten, {r} rijen verwantschap",
    },
    "en": {
        "months": "mo",
        "subjects": "subjects",
        "grants": "grants",
        "no_route": "changes no route",
        "unconfirmed": "unconfirmed",
        "until": "until",
        "from": "from",
        "summary": "{p} programmes, {s} subjects, {k} kinds, {r} relatedness rows",
    },
}


def _duration(p: Programme, lang: str) -> str:
    parts = []
    for d in p.durations:
        span = f"{d.months}" if d.months_max is None else f"{d.months}-{d.months_max}"
        parts.append(f"{d.form.value} {span} {_WORDS[lang]['months']}")
    return ", ".join(parts)


def _programme_json(p: Programme) -> dict[str, Any]:
    return {
        "id": p.id,
        "kind": p.kind.value,
        "name": p.name,
        "name_en": p.name_en,
        "sector": p.sector.value,
        "level": p.level.value,
        "ec": p.ec,
        "durations": serialize.unstructure(p.durations),
        "subjects": list(p.subjects),
        "entry": str(p.entry),
        "grants": [str(q) for q in p.grants.qualifications],
        "providers": list(p.providers),
        "valid_from": None if p.valid_from is None else p.valid_from.isoformat(),
        "valid_until": None if p.valid_until is None else p.valid_until.isoformat(),
        "changes_route": p.changes_route,
        "sources": [str(s) for s in p.sources],
        "unconfirmed": list(p.unconfirmed),
    }


def catalogue_text(catalogue: Catalogue, lang: str = "nl") -> str:  # noqa: C901 - one line per fact shown
    """The catalogue for people: grouped by sector, then kind, in Dutch (or English)."""
    _validate.language(lang)
    words = _WORDS[lang]
    by_sector: dict[str, dict[str, list[Programme]]] = defaultdict(lambda: defaultdict(list))
    for p in catalogue.programmes:
        by_sector[p.sector.value][p.kind.value].append(p)
    lines = []
    for sector in ("po", "vo", "mbo"):
        if sector not in by_sector:
            continue
        title = _SECTOR_NAMES[lang][sector]
        lines += [title, "=" * len(title)]
        for kind in sorted(by_sector[sector]):
            lines.append(f"[{kind}]")
            for p in sorted(by_sector[sector][kind], key=lambda p: p.id):
                name = p.name_en if lang == "en" and p.name_en else p.name
                facts = [x for x in (_duration(p, lang), f"{p.ec} EC" if p.ec is not None else "") if x]
                if p.valid_from:
                    facts.append(f"{words['from']} {p.valid_from.isoformat()}")
                if p.valid_until:
                    facts.append(f"{words['until']} {p.valid_until.isoformat()}")
                lines.append(f"  {p.id}: {name}" + (f" ({'; '.join(facts)})" if facts else ""))
                grants = ", ".join(str(q) for q in p.grants.qualifications)
                if grants:
                    lines.append(f"      {words['grants']}: {grants}")
                if p.subjects:
                    lines.append(f"      {words['subjects']}: {', '.join(p.subjects)}")
                if not p.changes_route:
                    lines.append(f"      ({words['no_route']})")
                if p.unconfirmed:
                    lines.append(f"      {words['unconfirmed']}: {len(p.unconfirmed)}")
            lines.append("")
    lines.append(
        words["summary"].format(
            p=len(catalogue.programmes),
            s=len(catalogue.subjects),
            k=len(catalogue.kinds()),
            r=len(catalogue.relatedness),
        )
    )
    return "\n".join(lines) + "\n"


def _cmd_catalogue(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(*args.extra)
    if args.format == "json":
        payload = {
            **versions(catalogue),
            "programmes": [_programme_json(p) for p in catalogue.programmes],
            "subjects": serialize.unstructure(catalogue.subjects),
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(catalogue_text(catalogue, args.lang))
    return 0


def _looks_like_a_catalogue(text: str, fmt: str, name: str) -> bool:
    """Whether a file's text looks like a catalogue file (it has a catalogue section at the top)."""
    try:
        documents = serialize.parse_text(text, fmt, file=name)
    except InputError:
        return False  # read it as a profile: that error is then reported
    keys: set[str] = set()
    for data, _node in documents:
        if isinstance(data, dict):
            keys |= set(data)
    return bool(keys & {*_SECTIONS, "title"})


def _cmd_validate(args: argparse.Namespace) -> int:
    if sum(1 for f in args.files if f == "-") > 1:
        raise InputError(FRAME[args.lang]["stdin_once"])
    # each file is read once, bounded, whatever it is: standard input cannot be read twice
    texts = {f: _files.read_text(f, CatalogueError if args.kind == "catalogue" else ProfileError) for f in args.files}
    catalogue_files = [
        f
        for f in args.files
        if args.kind == "catalogue"
        or (args.kind == "auto" and _looks_like_a_catalogue(texts[f], format_of(f), display_name(f)))
    ]
    catalogue = catalogue_from_texts([(display_name(f), texts[f], format_of(f)) for f in catalogue_files])
    for f in catalogue_files:
        print(f"{display_name(f)}: ok (catalogue)")
    for f in args.files:
        if f in catalogue_files:
            continue
        profiles = profiles_from_text(texts[f], format_of(f), display_name(f))
        notes: list[str] = []
        for profile in profiles:
            notes += catalogue.check_profile(profile, file=display_name(f))
            notes += future_years(profile, dt.date.today(), display_name(f), args.lang)
        print(f"{display_name(f)}: ok ({len(profiles)} profile{'s' if len(profiles) != 1 else ''})")
        for profile in profiles:
            degrees: tuple[Diploma | Study, ...] = (*profile.diplomas, *profile.studying)
            for degree in degrees:
                if degree.programme is not None or degree.croho is not None:
                    label = degree.level.value + (f" {degree.programme}" if degree.programme else "")
                    print(f"  {label}: {catalogue.identify(degree).text('en')}")
        for note in notes:
            print(f"  note: {note}")
    return 0


def _cmd_check_catalogue(args: argparse.Namespace) -> int:
    from leraarroutes.testing import laws  # noqa: PLC0415 - the laws pull in the route engine

    catalogue = load_catalogue(*args.files)
    as_of = args.as_of or dt.date.today()
    violations = list(laws.check_all(catalogue, as_of=as_of))
    checked = list(laws.LAWS)
    try:
        from leraarroutes.cli import _law_search  # noqa: PLC0415 - needs hypothesis
    except ImportError:
        print("note: hypothesis is not installed; the route laws (soundness, monotonicity) were not run")
    else:
        found, names = _law_search.search(catalogue, as_of=as_of, examples=args.examples)
        violations += found
        checked += names
    for v in violations:
        print(v)
    status = "FAILED" if violations else "ok"
    print(f"{status}: {len(checked)} laws, {len(violations)} violations ({', '.join(checked)})")
    return 1 if violations else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(json_schema(args.name), ensure_ascii=False, indent=2) + "\n")
    return 0


def build_parser(lang: str = "nl") -> argparse.ArgumentParser:
    """The argument parser of the ``leraarroutes`` command, its help in ``lang``."""
    _validate.language(lang)
    h = HELP[lang]
    with argparse_language(lang):  # argparse writes some of its words while the parser is built
        parser = argparse.ArgumentParser(prog="leraarroutes", description=h["description"], epilog=h["epilog"])
        parser.add_argument("--version", action="version", version=f"leraarroutes {__version__}", help=h["version"])
        parser.add_argument("--debug", action="store_true", help=h["debug"])
        parser.add_argument("--lang", choices=LANGUAGES, default=lang, help=h["lang"])
        sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help=h["command"])

        p = sub.add_parser("catalogue", help=h["catalogue"], description=h["catalogue"])
        format_option(p, lang)
        language_option(p, lang)
        extra_option(p, lang)
        p.set_defaults(func=_cmd_catalogue)

        p = sub.add_parser("validate", help=h["validate"], description=h["validate"])
        p.add_argument("files", nargs="+", metavar="FILE", help=h["validate_files"])
        p.add_argument("--kind", choices=("auto", "profile", "catalogue"), default="auto", help=h["kind"])
        language_option(p, lang)
        p.set_defaults(func=_cmd_validate)

        p = sub.add_parser("check-catalogue", help=h["check_catalogue"], description=h["check_catalogue"])
        p.add_argument("files", nargs="*", metavar="FILE", help=h["check_files"])
        p.add_argument("--as-of", type=date_argument(lang), default=None, metavar="DATE", help=h["as_of"])
        p.add_argument("--examples", type=positive_argument(lang), default=50, metavar="N", help=h["examples"])
        language_option(p, lang)
        p.set_defaults(func=_cmd_check_catalogue)

        p = sub.add_parser("schema", help=h["schema"], description=h["schema"])
        p.add_argument("name", choices=sorted(SCHEMAS), help=h["schema_name"])
        language_option(p, lang)
        p.set_defaults(func=_cmd_schema)

        _register_route_commands(sub, lang)

        p = sub.add_parser("serve", help=h["serve"], description=h["serve"])
        p.add_argument("--host", default="127.0.0.1", help=h["host"])
        p.add_argument("--port", type=int, default=8000, help=h["port"])
        extra_option(p, lang)
        language_option(p, lang)
        p.set_defaults(func=_cmd_serve)

        p = sub.add_parser("completion", help=h["completion"], description=h["completion"])
        p.add_argument("shell", choices=("bash", "zsh", "tcsh"), help=h["shell"])
        language_option(p, lang)
        p.set_defaults(func=_cmd_completion)
    return parser


def _cmd_completion(args: argparse.Namespace) -> int:
    import shtab  # noqa: PLC0415 - only this command needs it

    sys.stdout.write(shtab.complete(build_parser(args.lang), shell=args.shell))
    return 0


LOOPBACK = ("127.0.0.1", "::1", "localhost")
"""Addresses that only this machine can reach; ``serve`` warns for any other."""


def _cmd_serve(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:  # noqa: PLR2004 - the port range
        raise InputError(f"--port must be from 1 to 65535, not {args.port}")
    try:
        import uvicorn  # noqa: PLC0415 - the web extra, imported only to serve

        from leraarroutes.web.app import create_app  # noqa: PLC0415
    except ImportError as exc:
        raise LeraarroutesError(f'serve needs the web extra: pip install "leraarroutes[web]" ({exc})') from None
    if args.host not in LOOPBACK:
        frame = FRAME[args.lang]
        print(f"leraarroutes: {frame['warning']}: {frame['listening'].format(host=args.host)}", file=sys.stderr)
    app = create_app(load_catalogue(*args.extra))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _register_route_commands(sub: Any, lang: str) -> None:  # noqa: ANN401 - argparse's private type
    """Commands that search routes live in their own module, imported only when used."""
    from leraarroutes.cli import _routes as _cli_routes  # noqa: PLC0415 - keeps the catalogue commands light

    _cli_routes.register(sub, lang)


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that every ``finally`` runs (temporary files go)."""


def _terminate(_signal: int, _frame: object) -> None:
    raise _Terminated


def _utf8_streams() -> None:
    """Write UTF-8 whatever the locale: names hold ë and é, an ASCII terminal must not crash."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure") and (stream.encoding or "").lower() != "utf-8":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace" if stream is sys.stderr else "strict")


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no file descriptor to replace
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    0 done, 1 the output could not be written, 2 bad input or options, 130 interrupted (Ctrl-C),
    143 terminated (SIGTERM); every failure is one line on stderr.
    """
    _utf8_streams()
    words = list(sys.argv[1:] if argv is None else argv)
    lang = run_language(words)
    parser = build_parser(lang)
    with argparse_language(lang):  # usage and argument errors in the run's language
        args = parser.parse_args(words)
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        print(f"leraarroutes: {FRAME[lang]['error']}: {FRAME[lang]['stdout_closed']}", file=sys.stderr)
        return 1
    previous = signal.signal(signal.SIGTERM, _terminate) if _in_main_thread() else None
    try:
        return _run(args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    frame = FRAME[args.lang]
    try:
        code = int(args.func(args))
        sys.stdout.flush()
    except LeraarroutesError as exc:
        if args.debug:
            raise
        kind = frame["profile"] if isinstance(exc, ProfileError) else frame["error"]
        # every problem found in the input, each on its own line with its own place
        problems = exc.problems if isinstance(exc, InputError) else (exc,)
        for problem in problems:
            text = problem.one_line() if isinstance(problem, InputError) else str(problem)
            print(f"leraarroutes: {kind}: {message(text, args.lang)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # piped into `head`, which has read enough
        _silence_stdout()
        return 0
    except OSError as exc:  # standard output on a full disk, /dev/full, a closed descriptor
        if args.debug:
            raise
        _silence_stdout()
        print(f"leraarroutes: {frame['error']}: {frame['cannot_write']}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"leraarroutes: {frame['interrupted']}", file=sys.stderr)
        return 130
    except _Terminated:
        print(f"leraarroutes: {frame['terminated']}", file=sys.stderr)
        return 143
    return code


def _in_main_thread() -> bool:
    import threading  # noqa: PLC0415 - only to know whether a signal handler may be set

    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
