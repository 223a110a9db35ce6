"""Hostile and broken input: only our own errors, bounded work, safe writes, many threads."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import leraarroutes
from leraarroutes import (
    AnyOf,
    Catalogue,
    CatalogueFile,
    Diploma,
    HasCompleted,
    LeraarroutesError,
    Level,
    Profile,
    ProgrammeId,
    SearchLimitError,
    find_routes,
)
from leraarroutes.catalogue import serialize
from leraarroutes.cli import main
from tests.conftest import AS_OF
from tests.test_laws import programme

ROOT = Path(__file__).resolve().parents[1]
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
KEYS = [
    *["diplomas", "level", "programme", "studying", "ec", "subject_ec", "job", "sector", "qualifications"],
    *["completed", "programmes", "id", "kind", "entry", "all", "any", "not", "diploma", "levels", "grants"],
    *["sources", "url"],
]
SHAPED = st.recursive(
    st.none() | st.integers(-5, 300) | st.sampled_from(["havo", "wo-master", "po", "tweedegraads:wiskunde", "x", ""]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(KEYS), children, max_size=4),
    max_leaves=25,
)


@given(st.one_of(JSONISH, SHAPED))
def test_arbitrary_documents_give_only_our_errors(document: Any) -> None:
    """Any JSON-like document becomes a profile and a catalogue file, or raises our own error."""
    for cls in (Profile, CatalogueFile):
        with contextlib.suppress(LeraarroutesError):
            serialize.structure(document, cls)


@st.composite
def _mutations(draw: st.DrawFn, text: str) -> str:
    chars = list(text)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, max(len(chars) - 1, 0)))
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        new = draw(st.sampled_from(list(":-[]{},'\"&*!#|> \n\t0aé")))
        if action == "delete" and chars:
            del chars[i]
        elif action == "insert":
            chars.insert(i, new)
        elif chars:
            chars[i] = new
    return "".join(chars)


PROFILE_TEXT = (ROOT / "examples/profiles/vier-personen.yaml").read_text(encoding="utf-8")
CATALOGUE_TEXT = (ROOT / "src/leraarroutes/catalogue/data/mbo.yaml").read_text(encoding="utf-8")


@settings(max_examples=40)
@given(data=st.data())
def test_mutated_files_give_only_our_errors(data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A valid profile or catalogue file with a few characters changed loads or fails cleanly."""
    folder = tmp_path_factory.mktemp("mutated")
    profile_file = folder / "p.yaml"
    profile_file.write_text(data.draw(_mutations(PROFILE_TEXT)), encoding="utf-8")
    catalogue_file = folder / "c.yaml"
    catalogue_file.write_text(
        data.draw(_mutations(CATALOGUE_TEXT)).replace("id: pdg-traject", "id: eigen-pdg"), encoding="utf-8"
    )
    for load in (lambda: leraarroutes.load_profiles(profile_file), lambda: leraarroutes.load_catalogue(catalogue_file)):
        with contextlib.suppress(LeraarroutesError):
            load()


def test_too_many_diplomas_names_the_limit() -> None:
    """A profile with 51 diplomas is refused, and the message says which limit and where it lives."""
    document = {"diplomas": [{"level": "havo"}] * 51}
    with pytest.raises(
        LeraarroutesError, match=r"diplomas lists 51 items; the limit is 50 \(leraarroutes.model.profile.MAX_DIPLOMAS\)"
    ):
        serialize.structure(document, Profile)


def test_a_dense_cyclic_catalogue_is_answered_or_refused_within_bounds() -> None:
    """200 programmes that each ask for any other: the search ends, with routes or SearchLimitError."""
    ids = [ProgrammeId(f"p{i}") for i in range(200)]
    dense = Catalogue(
        programmes=(
            *tuple(
                programme(pid, AnyOf(rules=(HasCompleted(programmes=tuple(o for o in ids if o != pid)),)), grants=None)
                for pid in ids[:-1]
            ),
            programme(ids[-1], HasCompleted(programmes=(ids[0],))),
        )
    )
    try:
        routes = find_routes(dense, Profile(), as_of=AS_OF, max_states=20_000)
    except SearchLimitError:
        return
    assert routes == ()


def test_threads_give_the_serial_answers(catalogue: Catalogue) -> None:
    """The scenario persons queried from 8 threads at once give exactly the serial answers."""
    cases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests/cases").glob("*.yaml"))]
    questions = [(serialize.structure(c["profile"], Profile), c["target"], c.get("as_of", AS_OF)) for c in cases]

    def ask(q: tuple[Profile, str, Any]) -> str:
        return json.dumps([r.to_json() for r in find_routes(catalogue, q[0], q[1], as_of=q[2])])

    serial = [ask(q) for q in questions]
    results: dict[int, list[str]] = {}

    def worker(n: int) -> None:
        results[n] = [ask(q) for q in questions]

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[n] == serial for n in range(8))


class _CrashError(RuntimeError):
    pass


def test_an_interrupted_save_leaves_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash halfway through writing leaves the old file whole and no temporary file behind."""
    target = tmp_path / "profiel.yaml"
    target.write_text("diplomas: [{level: havo}]\n", encoding="utf-8")
    real_fdopen = os.fdopen

    def half_then_crash(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        original = handle.write

        def write(data: Any) -> int:
            original(data[: len(data) // 2])
            raise _CrashError

        handle.write = write
        return handle

    monkeypatch.setattr(os, "fdopen", half_then_crash)
    with pytest.raises(_CrashError):
        leraarroutes.save(Profile(diplomas=(Diploma(level=Level.VWO),)), target)
    assert target.read_text(encoding="utf-8") == "diplomas: [{level: havo}]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["profiel.yaml"]


def test_an_interrupted_render_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    """The same for a diagram: the previous DOT file stays whole."""
    from leraarroutes import diagrams as render_module

    target = tmp_path / "po.dot"
    target.write_text("digraph oud {}\n", encoding="utf-8")
    real_fdopen = os.fdopen

    def crash(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        handle.write = lambda _data: (_ for _ in ()).throw(_CrashError())
        return handle

    monkeypatch.setattr(os, "fdopen", crash)
    with pytest.raises(_CrashError):
        render_module.render(render_module.to_digraph(catalogue, "po", as_of=AS_OF), target)
    assert target.read_text(encoding="utf-8") == "digraph oud {}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["po.dot"]


def test_writing_over_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """diagram -o pointing at the profile it reads: exit 2, file untouched."""
    profile = tmp_path / "p.dot"
    profile.write_text("diplomas: [{level: havo}]\n", encoding="utf-8")
    yaml_profile = tmp_path / "p.yaml"
    yaml_profile.write_text("diplomas: [{level: havo}]\n", encoding="utf-8")
    code = main(["--lang", "en", "diagram", "persoonlijk", "--profile", str(yaml_profile), "-o", str(yaml_profile)])
    assert code == 2
    assert "refusing to write over an input file" in capsys.readouterr().err
    assert yaml_profile.read_text(encoding="utf-8") == "diplomas: [{level: havo}]\n"
