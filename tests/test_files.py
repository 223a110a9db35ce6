"""Every file the package writes appears whole, and gets the permissions the umask gives any new file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from leraarroutes import load_catalogue, render, save, to_digraph
from leraarroutes.catalogue.loading import atomic_writer
from leraarroutes.cli import main
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(params=[0o022, 0o027, 0o077])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_saved_catalogues_pictures_and_batch_output_honour_the_umask(tmp_path: Path, umask: int) -> None:
    """save, render and batch: 0644 under umask 022, 0640 under 027, 0600 under 077."""
    expected = 0o666 & ~umask
    catalogue = load_catalogue()
    save(catalogue, tmp_path / "catalogus.yaml")
    render(to_digraph(catalogue, "po", as_of=AS_OF), tmp_path / "po.dot")
    code = main(["batch", str(ROOT / "examples/cohort.csv"), "-o", str(tmp_path / "uit.jsonl"), "--quiet"])
    assert code == 0
    for name in ("catalogus.yaml", "po.dot", "uit.jsonl"):
        assert _mode(tmp_path / name) == expected, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogus.yaml", "po.dot", "uit.jsonl"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    """An error inside the block keeps the file as it was."""
    target = tmp_path / "a.txt"
    target.write_bytes(b"oud")

    def write_half() -> None:
        with atomic_writer(target) as handle:
            handle.write(b"half")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_half()
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
