"""Careers lived step by step: find_routes stays consistent with what was completed."""

from __future__ import annotations

import os

from hypothesis import settings

import leraarroutes
from leraarroutes import Diploma, Level, Profile
from leraarroutes.testing.strategies import career_machine

catalogue = leraarroutes.load_catalogue()
EXAMPLES = 8 if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci" else 100

TestVwoCareer = career_machine(catalogue).TestCase
TestVwoCareer.settings = settings(max_examples=EXAMPLES, stateful_step_count=4, deadline=None)

TestEngineerCareer = career_machine(
    catalogue,
    start=Profile(
        diplomas=(Diploma(level=Level.WO_BACHELOR, programme="Wiskunde", croho=56980), Diploma(level=Level.WO_MASTER)),
    ),
).TestCase
TestEngineerCareer.settings = settings(max_examples=EXAMPLES, stateful_step_count=4, deadline=None)
