"""The package's public face: exports, version, data files in the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import leraarroutes
from tests.conftest import free_port, serving_process

ROOT = Path(__file__).resolve().parents[1]


def test_all_is_sorted_and_exactly_the_public_names() -> None:
    """`__all__` lists every public name of the package root once, and nothing else.

    Its order (constants, classes, functions, each sorted) is kept by ruff's RUF022.
    """
    public = {n for n in dir(leraarroutes) if not n.startswith("_") or n == "__version__"}
    # submodules become attributes of the package when imported; they are not re-exports
    modules = {n for n in public if type(getattr(leraarroutes, n)).__name__ == "module"}
    assert len(set(leraarroutes.__all__)) == len(leraarroutes.__all__)
    assert set(leraarroutes.__all__) == public - modules


def test_the_documented_module_paths_are_the_layer_modules() -> None:
    """leraarroutes.batch, .laws and .strategies are the modules of their layers under another name.

    They re-export every public name of the module they stand for; and a layer named like a public
    function would shadow it once imported (``leraarroutes.render`` is the function, not a folder).
    """
    import importlib
    import pkgutil

    for documented, home in (
        ("leraarroutes.batch", "leraarroutes.engine.batch"),
        ("leraarroutes.laws", "leraarroutes.testing.laws"),
        ("leraarroutes.strategies", "leraarroutes.testing.strategies"),
    ):
        shown, real = importlib.import_module(documented), importlib.import_module(home)
        assert shown.__all__ == real.__all__
        assert all(getattr(shown, name) is getattr(real, name) for name in real.__all__)
    for info in pkgutil.walk_packages(leraarroutes.__path__, prefix="leraarroutes."):
        if not info.name.endswith("__main__"):  # that one runs the command
            importlib.import_module(info.name)
    exported = [n for n in leraarroutes.__all__ if n != "__version__"]
    assert [n for n in exported if type(getattr(leraarroutes, n)).__name__ == "module"] == []
    assert callable(leraarroutes.render)
    assert leraarroutes.find_routes is importlib.import_module("leraarroutes.engine").find_routes


def test_every_public_name_has_a_docstring() -> None:
    """Each exported class and function documents itself."""
    missing = [
        n
        for n in leraarroutes.__all__
        if callable(getattr(leraarroutes, n)) and not (getattr(leraarroutes, n).__doc__ or "").strip()
    ]
    assert missing == []


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("*.whl"))


def test_wheel_carries_the_catalogue_data_and_py_typed(wheel: Path) -> None:
    """The shipped catalogue files and the typing marker are inside the wheel."""
    names = zipfile.ZipFile(wheel).namelist()
    data = sorted(p.name for p in (ROOT / "src/leraarroutes/catalogue/data").glob("*.yaml"))
    assert [n for n in data if f"leraarroutes/catalogue/data/{n}" not in names] == []
    assert "leraarroutes/py.typed" in names
    for web_file in ("web/templates/page.html", "web/templates/_route.html", "web/static/style.css"):
        assert f"leraarroutes/{web_file}" in names
    assert "leraarroutes/engine/data/routes-report.schema.json" in names


def test_wheel_installs_and_runs_in_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    """A fresh virtual environment with the wheel loads the catalogue and the example profiles."""
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    # The dependencies come from this interpreter's site-packages, listed as plain paths: the
    # .pth files inside them (such as an editable install of this project) are not processed.
    target = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (Path(target) / "_test_dependencies.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)], check=True)
    script = (
        "import leraarroutes, pathlib, sys\n"
        "c = leraarroutes.load_catalogue()\n"
        "assert leraarroutes.__file__.startswith(sys.prefix), leraarroutes.__file__\n"
        f"folder = pathlib.Path({str(ROOT / 'examples/profiles')!r})\n"
        "ps = [p for f in sorted(folder.glob('*.yaml')) for p in leraarroutes.load_profiles(f)]\n"
        "import importlib.metadata as m\n"
        "assert m.version('leraarroutes') == leraarroutes.__version__, m.version('leraarroutes')\n"
        "print(len(c.programmes), len(ps))\n"
    )
    out = subprocess.run([python, "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path)
    programmes, profiles = map(int, out.stdout.split())
    assert programmes == len(leraarroutes.load_catalogue().programmes)
    assert profiles >= 4
    cli = subprocess.run(
        [env / "bin" / "leraarroutes", "catalogue", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"kind": "pabo"' in cli.stdout
    _runs_as_documented(env / "bin" / "leraarroutes")
    _serves_the_page(env / "bin" / "leraarroutes")


def _runs_as_documented(command: Path) -> None:
    """The README's first steps from the installed wheel: help, completion, a profile on standard input."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}

    def run(*argv: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [command, *argv], input=stdin, capture_output=True, text=True, check=False, env=clean, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert run("--help").startswith("gebruik: leraarroutes")
    script = run("completion", "bash")
    assert "complete -o bashdefault -F _shtab_leraarroutes leraarroutes" in script
    profile = (ROOT / "examples/profiles/havist.yaml").read_text(encoding="utf-8")
    assert "Route 1" in run("routes", "--profile", "-", "--target", "po", "--as-of", "2024-01-01", stdin=profile)


def test_wheel_metadata_names_licence_urls_keywords_and_classifiers(wheel: Path) -> None:
    """The licence file travels in the wheel; the metadata has project URLs, keywords and classifiers."""
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names
    metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert "Project-URL: Documentation, https://leraarroutes.readthedocs.io/" in metadata
    assert "Keywords: bevoegdheid" in metadata
    assert metadata.count("Classifier: ") >= 10
    assert "Requires-Dist: shtab" in metadata
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def _serves_the_page(command: Path) -> None:
    """``leraarroutes serve`` from the installed wheel answers the page, its style sheet and the API."""
    import urllib.request

    port = free_port()
    with serving_process([command, "serve", "--port", str(port)], port, wait_s=30) as base:
        with urllib.request.urlopen(base + "/?level1=vwo&target=po", timeout=30) as answer:  # noqa: S310
            assert "Routes naar een lesbevoegdheid" in answer.read().decode("utf-8")
        with urllib.request.urlopen(base + "/static/style.css", timeout=5) as answer:  # noqa: S310
            assert answer.headers["content-type"].startswith("text/css")
