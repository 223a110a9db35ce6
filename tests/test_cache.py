"""The checked catalogue on disk: used when it is ours and whole, rebuilt otherwise, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import pytest

from leraarroutes import Catalogue, _cache, load_catalogue

EXTRA = "programmes: []\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(_cache.ENVIRONMENT, str(folder))
    return folder


def _extra(tmp_path: Path, text: str = EXTRA) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_catalogue_is_kept_and_read_back_whole(cache: Path, tmp_path: Path) -> None:
    extra = _extra(tmp_path)
    built = load_catalogue(extra)
    [entry] = cache.glob("catalogue-*.pickle")
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    again = load_catalogue(extra)
    assert again.version == built.version
    assert again.programme("pabo") == built.programme("pabo")
    assert entry.exists()


def test_a_changed_file_gets_its_own_entry(cache: Path, tmp_path: Path) -> None:
    load_catalogue(_extra(tmp_path))
    load_catalogue(_extra(tmp_path, EXTRA + "# another comment\n"))
    assert len(list(cache.glob("catalogue-*.pickle"))) == 2


def test_a_corrupt_entry_is_removed_and_rebuilt(cache: Path, tmp_path: Path) -> None:
    extra = _extra(tmp_path)
    expected = load_catalogue(extra).version
    [entry] = cache.glob("catalogue-*.pickle")
    entry.write_bytes(entry.read_bytes()[:200])  # cut short
    assert _cache.load(entry.stem.removeprefix("catalogue-"), Catalogue) is None
    assert not entry.exists()
    assert load_catalogue(extra).version == expected


def test_an_entry_under_another_key_is_not_used(cache: Path, tmp_path: Path) -> None:
    load_catalogue(_extra(tmp_path))
    [entry] = cache.glob("catalogue-*.pickle")
    other = cache / ("catalogue-" + "0" * 64 + ".pickle")
    entry.rename(other)
    assert _cache.load("0" * 64, Catalogue) is None  # the header names the key it was stored under


def test_a_folder_others_may_write_to_is_not_used(cache: Path, tmp_path: Path) -> None:
    extra = _extra(tmp_path)
    load_catalogue(extra)
    [entry] = cache.glob("catalogue-*.pickle")
    key = entry.stem.removeprefix("catalogue-")
    assert _cache.load(key, Catalogue) is not None
    cache.chmod(0o777)
    assert _cache.load(key, Catalogue) is None
    cache.chmod(0o700)
    entry.chmod(0o666)
    assert _cache.load(key, Catalogue) is None


def test_the_cache_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_cache.ENVIRONMENT, "off")
    assert _cache.folder() is None
    load_catalogue(_extra(tmp_path))
    assert not list(tmp_path.glob("**/catalogue-*.pickle"))


def test_a_changed_module_changes_the_key() -> None:
    files = [("a.yaml", b"x")]
    assert _cache.key(files) == _cache.key(files)
    assert _cache.key(files) != _cache.key([("a.yaml", b"y")])
    code = dict(_cache._code())
    assert "catalogue/checks.py" in code
    assert "model/profile.py" in code


def test_the_register_is_kept_too(cache: Path) -> None:
    """The register behind diploma identification comes from the cache in the next process."""
    import subprocess
    import sys

    script = "from leraarroutes import load_register; print(load_register().degree(34808).name)"
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    [entry] = cache.glob("degreeregister-*.pickle")
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert first.stdout == second.stdout == "Opleiding tot leraar Basisonderwijs\n"
    assert entry.exists()
    assert "register/degrees.py" in dict(_cache._code())
