"""The compiled graph: an atom is re-evaluated only after steps that can change it.

The search trusts each atom's mask: completing an offering outside it must never change the
atom's verdict. Checked on the shipped catalogue and on generated ones, for generated people.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from leraarroutes import Catalogue, Profile, load_catalogue
from leraarroutes.engine._compiled import compiled
from leraarroutes.engine._graph import programme_graph, programme_links
from leraarroutes.testing.strategies import catalogues, profiles
from tests.conftest import AS_OF

_shipped = load_catalogue()


def _unchanged_outside_masks(catalogue: Catalogue, profile: Profile, day: dt.date) -> None:
    context = catalogue.context(day)
    code = compiled(programme_links(catalogue, day), context)
    for a, atom in enumerate(code.atoms):
        before = atom.evaluate(profile, context)
        for n, p in enumerate(code.programmes):
            if code.atom_mask[a] >> n & 1 or p.id in profile.completed:
                continue
            after = profile.gain(programme=p.id, qualifications=p.grants.qualifications, diplomas=p.grants.diplomas)
            assert atom.evaluate(after, context).truth is before.truth, (str(atom), p.id)


@settings(max_examples=4)
@given(profiles(catalogue=_shipped), st.sampled_from([dt.date(2016, 9, 1), AS_OF]))
@example(Profile(), AS_OF)  # the thorough run's find: completing pwpo (a wo bachelor) closes a table-bound EC rule
def test_outside_its_mask_no_step_changes_an_atom_shipped(profile: Profile, day: dt.date) -> None:
    """On the shipped catalogue, for every atom and every offering outside its mask."""
    _unchanged_outside_masks(_shipped, profile, day)


@given(st.data())
def test_outside_its_mask_no_step_changes_an_atom_generated(data: st.DataObject) -> None:
    """On generated catalogues, whose rules and grants are built to interact."""
    catalogue = data.draw(catalogues(), label="catalogue")
    _unchanged_outside_masks(catalogue, data.draw(profiles(catalogue=catalogue), label="profile"), AS_OF)


def _every_edge_can_change_its_head(catalogue: Catalogue, day: dt.date) -> None:
    graph = programme_graph(catalogue, day)
    code = compiled(programme_links(catalogue, day), catalogue.context(day))
    for a, b in graph.edges:
        head = code.number[b]
        changers = code.entries[head].mask
        for when in code.exemptions[head]:
            changers |= when.mask
        assert changers >> code.number[a] & 1, (a, b, graph.edges[a, b]["via"])


def test_every_edge_of_the_shipped_graph_can_change_its_head() -> None:
    """An edge A → B only where completing A can change B's entry or exemptions (the masks)."""
    for day in (dt.date(2016, 9, 1), AS_OF):
        _every_edge_can_change_its_head(_shipped, day)


@given(catalogues())
def test_every_edge_of_a_generated_graph_can_change_its_head(catalogue: Catalogue) -> None:
    """The same on generated catalogues, which have ``studying`` rules next to diploma grants."""
    _every_edge_can_change_its_head(catalogue, AS_OF)
