"""The hypothesis entry point: ``st.from_type`` draws our objects, whatever is imported first."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

DRAW_EACH_TYPE = """
from hypothesis import given, settings, strategies as st
from leraarroutes import Catalogue, Diploma, Job, Profile, Programme, Qualification, Rule, Study

TYPES = (Profile, Diploma, Study, Job, Qualification, Rule, Programme, Catalogue)

@settings(max_examples=3, deadline=None, database=None)
@given(st.tuples(*(st.from_type(t) for t in TYPES)))
def draws(values):
    for t, v in zip(TYPES, values):
        assert isinstance(v, t), (t, type(v))

draws()
print("drawn")
"""


@pytest.mark.parametrize(
    "first_import",
    ["from leraarroutes import strategies", "import hypothesis", "import leraarroutes"],
)
def test_from_type_draws_every_registered_type(first_import: str) -> None:
    # A fresh interpreter: the hook runs when hypothesis is first imported, which may be from
    # inside leraarroutes.testing.strategies itself.
    code = first_import + "\n" + textwrap.dedent(DRAW_EACH_TYPE)
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "drawn"
