"""The laws of the rule algebra: Kleene's three-valued logic on verdicts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leraarroutes import AllOf, AnyOf, Not, Profile, Rule, Truth
from leraarroutes.strategies import profiles, rules


def truth(rule: Rule, profile: Profile) -> Truth:
    return rule.evaluate(profile).truth


@given(rules(), rules(), profiles())
def test_and_or_are_commutative(a: Rule, b: Rule, p: Profile) -> None:
    """Swapping the operands of & or | never changes the truth."""
    assert truth(a & b, p) == truth(b & a, p)
    assert truth(a | b, p) == truth(b | a, p)


@given(rules(), rules(), rules(), profiles())
def test_and_or_are_associative(a: Rule, b: Rule, c: Rule, p: Profile) -> None:
    """Grouping does not matter, and a flat all/any equals the nested one."""
    assert truth((a & b) & c, p) == truth(a & (b & c), p) == truth(AllOf(rules=(a, b, c)), p)
    assert truth((a | b) | c, p) == truth(a | (b | c), p) == truth(AnyOf(rules=(a, b, c)), p)


@given(rules(), profiles())
def test_double_negation(a: Rule, p: Profile) -> None:
    """not(not(r)) decides like r."""
    assert truth(Not(rule=Not(rule=a)), p) == truth(a, p)


@given(rules(), rules(), profiles())
def test_de_morgan(a: Rule, b: Rule, p: Profile) -> None:
    """not(a and b) == not a or not b, also with unknowns."""
    assert truth(~(a & b), p) == truth(~a | ~b, p)


@given(rules(), profiles())
def test_unknown_propagates_as_documented(a: Rule, p: Profile) -> None:
    """unknown & yes is unknown, unknown | no is unknown, and unknown stays unknown under not."""
    t = truth(a, p)
    assume_unknown = t is Truth.UNKNOWN
    if assume_unknown:
        assert truth(~a, p) is Truth.UNKNOWN
        assert truth(a & AllOf(rules=()), p) is Truth.UNKNOWN
        assert truth(a | AnyOf(rules=()), p) is Truth.UNKNOWN


@given(st.sampled_from(list(Truth)), st.sampled_from(list(Truth)))
def test_truth_tables(x: Truth, y: Truth) -> None:
    """No beats everything in and; yes beats everything in or; unknown is in between."""
    rank = {Truth.NO: 0, Truth.UNKNOWN: 1, Truth.YES: 2}
    assert rank[x & y] == min(rank[x], rank[y])
    assert rank[x | y] == max(rank[x], rank[y])


@given(rules(), profiles())
def test_reasons_agree_with_the_verdict(a: Rule, p: Profile) -> None:
    """Every reason a verdict gives has the verdict's own truth value."""
    v = a.evaluate(p)
    assert all(r.truth is v.truth for r in v.reasons)
