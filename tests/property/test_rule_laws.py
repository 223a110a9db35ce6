"""The laws of the rule algebra: Kleene's three-valued logic on verdicts."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from leraarroutes import (
    AllOf,
    AnyOf,
    Diploma,
    ExamSubject,
    HasDiploma,
    Level,
    Not,
    Profile,
    Rule,
    SubjectEc,
    SubjectId,
    Truth,
    load_catalogue,
)
from leraarroutes.testing.strategies import jobs, profiles, qualifications, rules
from tests.conftest import AS_OF


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


_catalogue = load_catalogue()
_SUBJECTS = ("wiskunde", "natuurkunde")
_NEAR_OFFERINGS = sorted(
    o.id for o in _catalogue.offerings() if "/" not in o.id or o.id.endswith(tuple(f"/{s}" for s in _SUBJECTS))
)


def _close_profiles() -> st.SearchStrategy[Profile]:
    """Profiles whose completed programmes, EC, qualifications, jobs and exams are about the rules' subjects."""
    return st.builds(
        lambda p, completed, ec, held, job, exams: attrs.evolve(
            p,
            completed=completed,
            subject_ec=ec,
            qualifications=held,
            job=job,
            diplomas=tuple(
                attrs.evolve(d, exam_subjects=exams) if d.level in (Level.HAVO, Level.VWO) else d for d in p.diplomas
            ),
        ),
        profiles(catalogue=_catalogue),
        st.lists(st.sampled_from(_NEAR_OFFERINGS), max_size=12, unique=True).map(tuple),
        st.dictionaries(st.sampled_from(_SUBJECTS), st.integers(0, 200), max_size=2),
        st.lists(qualifications(_SUBJECTS), max_size=3).map(tuple),
        st.none() | jobs(_SUBJECTS),
        st.lists(st.sampled_from(_SUBJECTS), max_size=2, unique=True).map(tuple),
    )


_close_rules = rules(
    _SUBJECTS,
    max_leaves=2,
    tables=[t.id for t in _catalogue.relatedness_tables],
    kinds=sorted({_catalogue.programme(o).kind.value for o in _NEAR_OFFERINGS}),
)
"""Rules about the same subjects, tables and programme kinds as :func:`_close_profiles`."""


@settings(max_examples=1000)
@example(  # the deficiency path, too rare to be drawn reliably: a completed course turns NO into UNKNOWN
    rule=SubjectEc(subject=SubjectId("natuurkunde"), min_ec=80, deficiency_kind="deficientieprogramma"),
    p=Profile(subject_ec={"natuurkunde": 50}, completed=("beta4all/natuurkunde",)),
    other=Profile(subject_ec={"natuurkunde": 50}),
    as_of=None,
)
@given(
    _close_rules,
    _close_profiles(),
    _close_profiles(),
    st.sampled_from([None, AS_OF]),
)
def test_a_verdict_depends_only_on_the_fields_the_rule_reads(
    rule: Rule, p: Profile, other: Profile, as_of: dt.date | None
) -> None:
    """Copying the fields a rule reads into another profile gives the same verdict, reasons and all.

    The engine caches verdicts per rule and per the values of those fields; this law is what makes
    that cache sound.
    """
    context = _catalogue.context(as_of)
    mixed = attrs.evolve(other, **{name: getattr(p, name) for name in rule.reads()})
    assert rule.evaluate(mixed, context) == rule.evaluate(p, context)


@settings(max_examples=1000)
@example(  # a diploma without a name against a list of names: unknown, a path rarely drawn
    rule=HasDiploma(levels=(Level.WO_MASTER,), programmes=("Wiskunde",)),
    p=Profile(diplomas=(Diploma(level=Level.WO_MASTER),)),
    as_of=None,
)
@example(  # the asked exam subject is not the diploma's first: every exam subject counts
    rule=ExamSubject(subjects=(SubjectId("wiskunde"),)),
    p=Profile(diplomas=(Diploma(level=Level.HAVO, exam_subjects=("natuurkunde", "wiskunde")),)),
    as_of=None,
)
@given(
    _close_rules,
    _close_profiles(),
    st.sampled_from([None, AS_OF]),
)
def test_truth_is_the_truth_of_the_verdict(rule: Rule, p: Profile, as_of: dt.date | None) -> None:
    """The search asks only for truths; they must be what the full verdict says."""
    context = _catalogue.context(as_of)
    assert rule.truth(p, context) is rule.evaluate(p, context).truth


@settings(max_examples=300)
@given(st.lists(_close_rules, max_size=4), _close_profiles(), st.sampled_from([None, AS_OF]))
def test_all_and_any_keep_the_reasons_of_the_rules_that_decide(
    children: list[Rule], p: Profile, as_of: dt.date | None
) -> None:
    """A combination's verdict: the Kleene fold of its rules' truths, with every reason (once, in
    order) of each rule whose truth is the verdict's, and no other; an open choice between several
    unknown alternatives is one reason, "één van: ...", that names each of them."""
    context = _catalogue.context(as_of)
    verdicts = [r.evaluate(p, context) for r in children]
    rules = tuple(children)
    for combination, unit, fold in (
        (AllOf(rules=rules), Truth.YES, Truth.__and__),
        (AnyOf(rules=rules), Truth.NO, Truth.__or__),
    ):
        verdict = combination.evaluate(p, context)
        expected_truth = unit
        for v in verdicts:
            expected_truth = fold(expected_truth, v.truth)
        assert verdict.truth is expected_truth
        deciding_verdicts = [v for v in verdicts if v.truth is expected_truth]
        if unit is Truth.NO and expected_truth is Truth.UNKNOWN and len(deciding_verdicts) > 1:
            (choice,) = verdict.reasons
            assert choice.truth is Truth.UNKNOWN
            assert choice.nl.startswith("één van: ")
            assert choice.en.startswith("one of: ")
            for r in (r for v in deciding_verdicts for r in v.reasons if r.truth is Truth.UNKNOWN):
                assert (r.nl.rpartition("; ")[0] or r.nl) in choice.nl
                assert (r.en.rpartition("; ")[0] or r.en) in choice.en
            continue
        deciding = (reason for v in deciding_verdicts for reason in v.reasons)
        assert verdict.reasons == tuple(dict.fromkeys(deciding))
