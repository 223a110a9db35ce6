"""The "what can I become?" answer: routes grouped per qualification, open ones first."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

from leraarroutes import (
    Catalogue,
    Diploma,
    Level,
    Profile,
    Qualification,
    find_routes,
    group_routes,
    load_profile,
)
from leraarroutes.cli import main
from leraarroutes.testing.strategies import profiles
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]
HISTORIAN = ROOT / "examples" / "profiles" / "geschiedenismaster.yaml"


def _answer(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    code = main(["routes", "--profile", str(HISTORIAN), "--as-of", AS_OF.isoformat(), *extra])
    out = capsys.readouterr().out
    assert code == 0
    return out


def test_the_history_master_sees_eerstegraads_geschiedenis_open_first(catalogue: Catalogue) -> None:
    """The open group comes first and holds eerstegraads geschiedenis with the 12-month master."""
    groups = group_routes(catalogue, find_routes(catalogue, load_profile(HISTORIAN), as_of=AS_OF), as_of=AS_OF)
    first_conditional = next(i for i, g in enumerate(groups) if g.status == "conditional")
    assert all(g.status == "open" for g in groups[:first_conditional])
    history = next(g for g in groups[:first_conditional] if g.qualification == "eerstegraads:geschiedenis")
    assert history.best.months == 12
    assert history.best.status == "open"
    assert "tweedegraads:geschiedenis" in history.also
    assert all(g.qualification != "tweedegraads:geschiedenis" for g in groups)
    assert all(len(g.routes) <= 3 for g in groups)


def test_the_text_answer_fits_a_screen(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a target the answer fits in 60 lines and names where the qualification lets you teach."""
    out = _answer(capsys)
    lines = out.splitlines()
    assert len(lines) <= 60
    head = "eerstegraads Geschiedenis en staatsinrichting"
    history = next(i for i, line in enumerate(lines) if line.strip().startswith(head))
    assert "bovenbouw havo/vwo" in lines[history]
    assert "12 maanden" in lines[history + 1]
    assert lines.index(next(line for line in lines if line.startswith("Nu open"))) < history
    assert "--all" in out
    every = _answer(capsys, "--all")
    assert len(every.splitlines()) > 500


def test_the_grouped_json_matches_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON answer without a target carries the groups, described in the schema."""
    schema = json.loads((ROOT / "schemas" / "routes-report.schema.json").read_text(encoding="utf-8"))
    report = json.loads(_answer(capsys, "--format", "json"))
    jsonschema.validate(report, schema)
    groups = report["qualifications"]
    covered = {g["qualification"] for g in groups} | {q for g in groups for q in g["also"]}
    assert {r["qualification"] for r in report["routes"]} == covered
    assert all(1 <= len(g["routes"]) <= 3 for g in groups)
    assert [g["status"] for g in groups] == sorted((g["status"] for g in groups), key=lambda s: s != "open")


@given(profiles())
def test_groups_keep_every_route_and_order_open_first(profile: Profile) -> None:
    """Every route is in its group, shown or counted, unless its qualification is folded into a wider one."""
    from leraarroutes import load_catalogue

    catalogue = load_catalogue()
    routes = find_routes(catalogue, profile, as_of=AS_OF)
    groups = group_routes(catalogue, routes, as_of=AS_OF, per_qualification=2)
    by_qualification = {g.qualification: g for g in groups}
    folded = {q: g for g in groups for q in g.also}
    for qualification in {r.qualification for r in routes}:
        if qualification in folded:
            wide = folded[qualification]
            assert Qualification.parse(wide.qualification).includes(Qualification.parse(qualification))
            assert wide.status == "open"
            continue
        group = by_qualification[qualification]
        assert len(group.routes) + group.more == sum(r.qualification == qualification for r in routes)
        assert group.routes == tuple(r for r in routes if r.qualification == qualification)[:2]
    statuses = [g.status for g in groups]
    assert statuses == sorted(statuses, key=lambda s: s != "open")


def test_per_qualification_must_be_positive(catalogue: Catalogue) -> None:
    """A limit of 0 routes per qualification is a clear error."""
    vwo = Profile(diplomas=(Diploma(level=Level.VWO),))
    with pytest.raises(ValueError, match="at least 1"):
        group_routes(catalogue, find_routes(catalogue, vwo, as_of=AS_OF), as_of=AS_OF, per_qualification=0)


def test_a_school_type_is_a_target(catalogue: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    """--target havo-bovenbouw gives the routes to the qualifications whose scope covers it: eerstegraads only."""
    historian = load_profile(HISTORIAN)
    upper = find_routes(catalogue, historian, "havo-bovenbouw", as_of=AS_OF)
    kinds = {Qualification.parse(r.qualification).kind.value for r in upper}
    assert kinds == {"eerstegraads"}
    vmbo = {r.qualification for r in find_routes(catalogue, historian, "vmbo", as_of=AS_OF)}
    assert {"beperkt-tweedegraads:geschiedenis", "eerstegraads:geschiedenis"} <= vmbo
    assert "po" not in vmbo
    assert (
        find_routes(catalogue, historian, "vmbo", as_of=AS_OF, limit=3)
        == tuple(r for r in find_routes(catalogue, historian, as_of=AS_OF) if r.qualification in vmbo)[:3]
    )
    out = _answer(capsys, "--target", "havo-bovenbouw")
    assert "Nu open voor jou" in out
    assert "eerstegraads Geschiedenis en staatsinrichting" in out
    assert "\n  tweedegraads " not in out  # the tweedegraads does not reach the bovenbouw


def test_an_unknown_target_names_the_school_types_too(catalogue: Catalogue) -> None:
    """A target that is neither a qualification nor a school type says both kinds of choice."""
    from leraarroutes import UnknownNameError

    with pytest.raises(UnknownNameError, match=r"or a school type: .*havo-bovenbouw"):
        find_routes(catalogue, load_profile(HISTORIAN), "havo", as_of=AS_OF)


def test_a_master_without_bachelor_is_told_to_give_it(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Someone who gives only a master hears that routes judging the bachelor need it, in routes and explain."""
    only_master = tmp_path / "master.yaml"
    only_master.write_text("diplomas:\n  - {level: wo-master, programme: Geschiedenis}\n", encoding="utf-8")
    profile = load_profile(only_master)
    assert profile.bachelor_not_given
    assert not load_profile(HISTORIAN).bachelor_not_given
    assert any("without the bachelor" in note for note in catalogue.check_profile(profile))
    for command in (["routes"], ["explain", "--target", "eerstegraads:geschiedenis"]):
        assert main([*command, "--profile", str(only_master), "--as-of", AS_OF.isoformat()]) == 0
        assert "geen bachelor" in capsys.readouterr().out
    main(["routes", "--profile", str(HISTORIAN), "--as-of", AS_OF.isoformat()])
    assert "geen bachelor" not in capsys.readouterr().out


def test_open_qualifications_with_one_route_share_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A havo school leaver sees the pabo, the ALO and the tweedegraads bachelor (one line for its subjects)."""
    code = main(["routes", "--profile", str(ROOT / "examples/profiles/havist.yaml"), "--as-of", AS_OF.isoformat()])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    heads = [line.strip() for line in lines if line.startswith("  ") and not line.startswith("     ")]
    assert any(h.startswith("bevoegdheid po - ") for h in heads)
    assert any(h.startswith("eerstegraads Lichamelijke opvoeding") for h in heads)
    bachelor = [h for h in heads if h.startswith("tweedegraads Aardrijkskunde, ")]
    assert len(bachelor) == 1
    assert "(+" in bachelor[0]
    assert len(lines) <= 30
