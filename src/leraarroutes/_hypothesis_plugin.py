"""Registers the strategies with hypothesis (internal; loaded through the ``hypothesis`` entry point).

With leraarroutes installed, ``st.from_type(Profile)`` in a user's tests draws from
:func:`leraarroutes.strategies.profiles`.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - only when hypothesis loads us

    from leraarroutes import strategies  # noqa: PLC0415
    from leraarroutes.catalogue import Catalogue  # noqa: PLC0415
    from leraarroutes.education import Diploma, Study  # noqa: PLC0415
    from leraarroutes.profile import Job, Profile  # noqa: PLC0415
    from leraarroutes.programmes import Programme  # noqa: PLC0415
    from leraarroutes.qualifications import Qualification  # noqa: PLC0415
    from leraarroutes.rules import Rule  # noqa: PLC0415

    st.register_type_strategy(Profile, strategies.profiles())
    st.register_type_strategy(Diploma, strategies.diplomas())
    st.register_type_strategy(Study, strategies.studies())
    st.register_type_strategy(Job, strategies.jobs())
    st.register_type_strategy(Qualification, strategies.qualifications())
    st.register_type_strategy(Rule, strategies.rules())
    st.register_type_strategy(Programme, strategies.programmes())
    st.register_type_strategy(Catalogue, strategies.catalogues())
