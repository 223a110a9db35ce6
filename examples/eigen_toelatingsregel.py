"""Test your own admission rule with leraarroutes' strategies and laws.

A university adds a programme of its own in an extra catalogue file: a one-year educational
master in wiskunde that also admits people with 100 EC of mathematics and a job in a school.
This script checks three things a committee wants to be sure of, on thousands of generated people:

1. the rule never admits someone without a wo-master;
2. with a master in the subject's table, the rule always admits (or leaves it to the committee);
3. the extended catalogue still satisfies every law (reachable, no dead entries, round trip, ...).

Run it with ``python examples/eigen_toelatingsregel.py``; it prints what it checked.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import leraarroutes as lr
from leraarroutes import laws, strategies

EXTRA = """
programmes:
  - id: eigen-master-wiskunde
    kind: educatieve-master-1jr
    name: Eenjarige educatieve master wiskunde met werkplek (eigen opleiding)
    sector: vo
    level: wo
    ec: 60
    durations: [{form: deeltijd, months: 24}]
    entry:
      all:
        - diploma: {levels: [wo-master, phd]}
        - any:
            - diploma: {levels: [wo-bachelor], related_to: wiskunde, table: minor-module}
            - all:
                - subject_ec: {subject: wiskunde, min_ec: 100}
                - job: {sector: vo, subject: wiskunde}
    grants: {qualifications: ["eerstegraads:wiskunde"]}
    sources: [{url: "https://example.org/eigen-master", note: "onze eigen opleidingsregeling"}]
"""

AS_OF = dt.date(2024, 1, 1)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        extra = Path(folder) / "eigen.yaml"
        extra.write_text(EXTRA, encoding="utf-8")
        catalogue = lr.load_catalogue(extra)
    ours = catalogue.programme("eigen-master-wiskunde")
    context = catalogue.context(AS_OF)

    @settings(max_examples=300, deadline=None)
    @given(strategies.profiles(catalogue=catalogue, sector="vo"))
    def never_without_a_master(profile: lr.Profile) -> None:
        if ours.entry.evaluate(profile, context).truth is lr.Truth.YES:
            assert any(d.level in (lr.Level.WO_MASTER, lr.Level.PHD) for d in profile.diplomas)

    @settings(max_examples=300, deadline=None)
    @given(strategies.profiles(catalogue=catalogue), st.sampled_from(["TU Delft", "Universiteit Utrecht"]))
    def a_wiskunde_master_gets_in(profile: lr.Profile, university: str) -> None:
        degrees = (
            lr.Diploma(level=lr.Level.WO_BACHELOR, programme="Wiskunde", croho=56980, institution=university),
            lr.Diploma(level=lr.Level.WO_MASTER, programme="Mathematics"),
        )
        person = lr.Profile(diplomas=degrees, job=profile.job, subject_ec=dict(profile.subject_ec))
        assert ours.entry.evaluate(person, context).truth is lr.Truth.YES

    never_without_a_master()
    a_wiskunde_master_gets_in()
    violations = laws.check_all(catalogue, as_of=AS_OF)
    assert violations == (), violations
    print("ok: the own rule admits only masters, always admits a wiskunde master, and every law holds")


if __name__ == "__main__":
    main()
