"""The examples in the docstrings run and print what they show.

They run through :mod:`doctest` on the imported modules rather than pytest's collection of
``src``: that would import a second copy of each module, whose classes are not the package's.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import leraarroutes

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(leraarroutes.__path__, prefix="leraarroutes.")
    if not info.name.endswith("__main__")
)


@pytest.mark.parametrize("name", ["leraarroutes", *MODULES])
def test_docstring_examples_run(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every ``>>>`` example of the module gives the output written under it."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    report = capsys.readouterr().out
    assert result.failed == 0, report
