"""Options that several commands share (internal)."""

from __future__ import annotations

import argparse

from leraarroutes.cli._words import HELP, LANGUAGES


def format_option(p: argparse.ArgumentParser, lang: str) -> None:
    """``--format text|json``."""
    p.add_argument("--format", choices=("text", "json"), default="text", help=HELP[lang]["format"])


def language_option(p: argparse.ArgumentParser, lang: str) -> None:
    """``--lang``, after the command too; its default is the run's language."""
    p.add_argument("--lang", choices=LANGUAGES, default=lang, help=HELP[lang]["lang"])


def extra_option(p: argparse.ArgumentParser, lang: str) -> None:
    """``--extra FILE``, once per file: a list option would swallow the positional argument after it."""
    p.add_argument("--extra", action="append", default=[], metavar="FILE", help=HELP[lang]["extra"])
