"""Registers the strategies with hypothesis (internal; loaded through the ``hypothesis`` entry point).

With leraarroutes installed, ``st.from_type(Profile)`` in a user's tests draws from
:func:`leraarroutes.testing.strategies.profiles`.

Hypothesis runs this hook while it is first imported, which may be from inside
``leraarroutes.testing.strategies`` itself; so the strategies module is imported only when a type is
first drawn, never here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - only when hypothesis loads us

    from leraarroutes.catalogue.catalogue import Catalogue  # noqa: PLC0415
    from leraarroutes.catalogue.programmes import Programme  # noqa: PLC0415
    from leraarroutes.model.education import Diploma, Study  # noqa: PLC0415
    from leraarroutes.model.profile import Job, Profile  # noqa: PLC0415
    from leraarroutes.model.qualifications import Qualification  # noqa: PLC0415
    from leraarroutes.rules import Rule  # noqa: PLC0415

    def deferred(name: str) -> Callable[[type], SearchStrategy[object]]:
        def strategy(_type: type) -> SearchStrategy[object]:
            from leraarroutes.testing import strategies  # noqa: PLC0415

            made: SearchStrategy[object] = getattr(strategies, name)()
            return made

        return strategy

    for kind, name in (
        (Profile, "profiles"),
        (Diploma, "diplomas"),
        (Study, "studies"),
        (Job, "jobs"),
        (Qualification, "qualifications"),
        (Rule, "rules"),
        (Programme, "programmes"),
        (Catalogue, "catalogues"),
    ):
        st.register_type_strategy(kind, deferred(name))
