"""The command line, run in-process as a user would run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leraarroutes.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "profiles"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_catalogue_json_lists_each_programme_with_its_id_kind_grants_and_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The machine form has the documented fields for every programme."""
    code, out, _ = run(capsys, "catalogue", "--format", "json")
    programmes = json.loads(out)["programmes"]
    assert code == 0
    assert len(programmes) >= 40
    for p in programmes:
        assert {"id", "kind", "name", "grants", "sources"} <= set(p)
        assert p["sources"]
    kop = next(p for p in programmes if p["id"] == "kopopleiding")
    assert kop["grants"] == ["tweedegraads:{subject}"]


def test_catalogue_text_is_grouped_by_sector_and_kind_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    """Sector headings in Dutch, then kinds, and a closing count."""
    code, out, _ = run(capsys, "catalogue")
    assert code == 0
    assert out.index("Primair onderwijs") < out.index("Voortgezet onderwijs") < out.index("Middelbaar beroepsonderwijs")
    assert "[kopopleiding]" in out
    assert "programma's" in out.splitlines()[-1]


def test_catalogue_text_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang en` gives English headings and names."""
    _, out, _ = run(capsys, "catalogue", "--lang", "en")
    assert "Secondary education" in out
    assert "One-year second-degree teacher course" in out


def test_validate_accepts_the_example_profiles_and_notes_unknown_degree_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every shipped example is valid, and each diploma says which register programme it is."""
    files = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    code, out, err = run(capsys, "validate", *files)
    assert code == 0, err
    assert out.count(": ok") == len(files)
    assert "wo-master Mechanical Engineering: identified by name: CROHO 60439 Mechanical Engineering" in out


def test_validate_says_which_degrees_are_ambiguous_or_unknown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Several candidates are listed with their codes; an unknown name is a note, not an error."""
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "diplomas:\n  - {level: hbo-bachelor, programme: Verpleegkunde}\n"
        "  - {level: wo-master, programme: Kwantumtheologie}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(profile))
    assert code == 0, err
    assert "several programmes fit: CROHO 34560" in out
    assert "CROHO 39283" in out
    assert "'Kwantumtheologie' is not in the degree register" in out


def test_degree_lookup_shows_codes_to_choose_from(capsys: pytest.CaptureFixture[str]) -> None:
    """`leraarroutes degree psychologie` lists the bachelor first, with its CROHO code and sector."""
    code, out, err = run(capsys, "degree", "psychologie")
    assert code == 0, err
    assert out.splitlines()[0] == "CROHO 56604 Psychologie (wo-bachelor, gedrag en maatschappij)"
    code, out, _ = run(capsys, "degree", "kwantumtheologie")
    assert code == 1
    assert "Geen opleiding gevonden" in out


def test_validate_accepts_an_extra_catalogue_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A user's own catalogue file is checked on top of the shipped one."""
    extra = tmp_path / "eigen.yaml"
    extra.write_text(
        "programmes:\n"
        "  - id: eigen-cursus\n    kind: orientatie\n    name: Eigen oriëntatiecursus\n"
        "    sector: vo\n    level: other\n    changes_route: false\n"
        "    sources: [{url: 'https://example.org/cursus'}]\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", str(extra))
    assert code == 0
    assert "ok (catalogue)" in out


def test_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON Schemas under schemas/ are what the model generates now."""
    for name in ("profile", "catalogue"):
        _, out, _ = run(capsys, "schema", name)
        assert json.loads(out) == json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_routes_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """as_of, routes with their steps, blocked programmes: the pinned structure."""
    code, out, err = run(
        capsys, "routes", "--profile", str(EXAMPLES / "ingenieur.yaml"),
        "--target", "eerstegraads:natuurkunde", "--as-of", "2024-01-01", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    report = json.loads(out)
    assert set(report) == {
        "leraarroutes_version", "catalogue_version", "catalogue_date", "as_of", "routes", "blocked", "profile",
    }  # fmt: skip
    assert [d["identification"] for d in report["profile"]] == ["identified", "identified"]
    assert report["as_of"] == "2024-01-01"
    route = report["routes"][0]
    assert set(route) == {
        "qualification",
        "status",
        "conditions",
        "form",
        "months",
        "months_max",
        "months_unknown_steps",
        "ec",
        "ec_unknown_steps",
        "cost_eur",
        "unknown_figures",
        "steps",
    }
    assert route["status"] in {"open", "conditional"}
    step = route["steps"][0]
    keys = {"programme", "kind", "name", "providers", "offers", "months", "ec", "cost_basis", "grants", "sources"}
    assert keys <= set(step)


def test_unknown_target_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt qualification kind names the valid kinds and exits 2."""
    for lang, hint in (("nl", "bedoel je 'eerstegraads'"), ("en", "did you mean 'eerstegraads'")):
        profile = str(EXAMPLES / "havist.yaml")
        argv = ["--lang", lang, "routes", "--profile", profile, "--target", "eerstegrads:wiskunde"]
        with pytest.raises(SystemExit) as stopped:  # argparse refuses the argument itself
            main(argv)
        assert stopped.value.code == 2
        assert hint in capsys.readouterr().err


def test_debug_shows_the_traceback() -> None:
    """With --debug the exception is raised for a developer to see."""
    from leraarroutes import ProfileError

    with pytest.raises(ProfileError):
        main(
            [
                "--debug",
                "validate",
                "--kind",
                "profile",
                str(ROOT / "tests/bad_inputs/unknown-level.yaml"),
            ]
        )
