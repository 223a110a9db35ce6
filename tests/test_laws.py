"""Each law catches a deliberately broken catalogue, so no law is vacuous; the shipped one passes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from attrs import field, frozen

from leraarroutes import (
    AllOf,
    Catalogue,
    Diploma,
    Grants,
    HasCompleted,
    HasDiploma,
    Level,
    Not,
    Profile,
    Programme,
    ProgrammeId,
    ProgrammeKind,
    ProgrammeLevel,
    Qualification,
    Reason,
    Rule,
    RuleContext,
    Sector,
    Source,
    Truth,
    Verdict,
)
from leraarroutes.cli import main
from leraarroutes.testing import laws
from tests.conftest import AS_OF

HAVO = Profile(diplomas=(Diploma(level=Level.HAVO),))


def programme(pid: str, entry: Rule | None = None, grants: str | None = "po", **extra: object) -> Programme:
    return Programme(
        id=ProgrammeId(pid),
        kind=ProgrammeKind.PABO,
        name=str(extra.pop("name", f"Programma {pid}")),
        sector=Sector.PO,
        level=ProgrammeLevel.HBO,
        entry=entry or AllOf(rules=()),
        grants=Grants(qualifications=(Qualification.parse(grants),) if grants else ()),
        sources=(Source(url=f"https://example.org/{pid}"),),
        **extra,  # type: ignore[arg-type]
    )


@frozen(kw_only=True)
class Flaky(Rule):
    """A user's impure rule: yes the first time it is asked, no ever after."""

    tag: ClassVar[str] = "flaky"
    calls: list[int] = field(factory=list, eq=False, hash=False)

    def evaluate(self, profile: Profile, context: RuleContext | None = None) -> Verdict:
        _ = profile, context
        self.calls.append(1)
        truth = Truth.YES if len(self.calls) == 1 else Truth.NO
        return Verdict(truth=truth, reasons=(Reason(truth=truth, nl="wisselt", en="flips"),))


def test_the_shipped_catalogue_satisfies_every_structural_law(catalogue: Catalogue) -> None:
    """No violations on the shipped data."""
    assert laws.check_all(catalogue, as_of=AS_OF) == ()


def test_round_trip_catches_a_value_that_does_not_come_back() -> None:
    """A date-and-time where a date belongs is written, but read back it is refused."""
    moment = dt.datetime(2024, 1, 1, 9, 30, tzinfo=dt.UTC)
    broken = Catalogue(programmes=(programme("p0", valid_from=moment),))
    assert {v.law for v in laws.round_trip(broken)} == {"round-trip"}


def test_reachability_catches_a_cycle_nobody_can_enter() -> None:
    """Two programmes that each ask for the other first grant nothing reachable."""
    broken = Catalogue(
        programmes=(
            programme("p0", HasCompleted(programmes=(ProgrammeId("p1"),))),
            programme("p1", HasCompleted(programmes=(ProgrammeId("p0"),)), grants=None),
        )
    )
    assert [v.subject for v in laws.qualifications_reachable(broken, as_of=AS_OF)] == ["po"]


def test_dead_entries_catches_a_contradiction() -> None:
    """havo and not havo: nobody can enter."""
    havo = HasDiploma(levels=(Level.HAVO,))
    broken = Catalogue(programmes=(programme("p0", AllOf(rules=(havo, Not(rule=havo)))),))
    assert [v.subject for v in laws.no_dead_entries(broken, as_of=AS_OF)] == ["p0"]


def test_expired_references_catches_a_programme_that_stopped() -> None:
    """A running programme that asks for one that ended in 2015."""
    broken = Catalogue(
        programmes=(
            programme("p0", HasCompleted(programmes=(ProgrammeId("p1"),))),
            programme("p1", grants=None, valid_until=dt.date(2015, 1, 1)),
        )
    )
    assert [v.subject for v in laws.no_expired_references(broken, as_of=AS_OF)] == ["p0"]


def test_soundness_catches_an_impure_rule() -> None:
    """A rule that answers differently when asked again makes a route unsound."""
    broken = Catalogue(programmes=(programme("p0", Flaky()),))
    found = laws.soundness(broken, [HAVO], as_of=AS_OF)
    assert found
    assert found[0].law == "soundness"


class StaleCatalogue(Catalogue):
    """A user's caching layer that answers lookups from an older version of the data."""

    def programme(self, programme_id: str) -> Programme:
        return attrs.evolve(super().programme(programme_id), grants=Grants())


def test_grants_law_catches_a_catalogue_whose_lookups_disagree_with_its_data() -> None:
    """The route ends in a qualification that the step, as looked up, does not grant."""
    broken = StaleCatalogue(programmes=(programme("p0"),))
    assert {v.law for v in laws.grants_come_from_steps(broken, [HAVO], as_of=AS_OF)} == {"grants-come-from-steps"}


def test_determinism_catches_an_impure_rule() -> None:
    """The same question twice, different answers."""
    broken = Catalogue(programmes=(programme("p0", Flaky()),))
    assert {v.law for v in laws.determinism(broken, [HAVO], as_of=AS_OF)} == {"determinism"}


def test_monotonicity_catches_a_rule_that_punishes_education() -> None:
    """Entry refused to anyone with an hbo-bachelor: more education removes a route."""
    broken = Catalogue(programmes=(programme("p0", Not(rule=HasDiploma(levels=(Level.HBO_BACHELOR,)))),))
    found = laws.monotonicity(broken, [(HAVO, Diploma(level=Level.HBO_BACHELOR))], as_of=AS_OF)
    assert [v.law for v in found] == ["monotonicity"]


def test_check_catalogue_cli_exits_1_on_a_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An extra file with a dead entry fails the check with exit code 1 and names the law."""
    extra = tmp_path / "kapot.yaml"
    extra.write_text(
        "programmes:\n"
        "  - id: kapot\n    kind: pabo\n    name: Kapot\n    sector: po\n    level: hbo\n"
        "    entry: {all: [{diploma: {levels: [havo]}}, {not: {diploma: {levels: [havo]}}}]}\n"
        "    grants: {qualifications: [po]}\n"
        "    sources: [{url: 'https://example.org/kapot'}]\n",
        encoding="utf-8",
    )
    code = main(["check-catalogue", str(extra), "--as-of", "2024-01-01", "--examples", "3"])
    out = capsys.readouterr().out
    assert code == 1
    assert "no-dead-entries: kapot" in out
    assert out.splitlines()[-1].startswith("FAILED")
