"""Rules about diplomas and studies: level, name, relatedness to a subject, age, EC.

>>> from leraarroutes import Diploma, Level, Profile
>>> HasDiploma(levels=(Level.HAVO, Level.VWO)).truth(Profile(diplomas=(Diploma(level=Level.VWO),)))
<Truth.YES: 'yes'>
"""

from __future__ import annotations

from typing import ClassVar

from attrs import field, frozen, validators

from leraarroutes.ids import SubjectId
from leraarroutes.model.education import Diploma, Level, Study
from leraarroutes.model.profile import Profile
from leraarroutes.rules._fields import _levels, _names, _optional_subject, _table_with_subject
from leraarroutes.rules.algebra import (
    _NO,
    _UNKNOWN,
    _YES,
    NO_CONTEXT,
    Reason,
    Rule,
    RuleContext,
    Truth,
    Verdict,
    _combine,
)


def _degree_check(
    degree: Diploma | Study,
    *,
    programmes: tuple[str, ...],
    related_to: SubjectId | None,
    table: str | None,
    context: RuleContext,
) -> list[Reason]:
    """Check one diploma or study against the name and relatedness conditions of a rule."""
    label = degree.programme or degree.level.value
    checks: list[Reason] = []
    if programmes:
        names = context.degree_names(degree)
        wanted = {p.casefold() for p in programmes}
        if names is None:
            checks.append(
                Reason(
                    truth=Truth.UNKNOWN,
                    nl=f"de naam van de opleiding ({degree.level.value}) is niet opgegeven",
                    en=f"the programme name of the {degree.level.value} is not given",
                )
            )
        elif names & wanted:
            checks.append(Reason(truth=Truth.YES, nl=f"{label} staat op de lijst", en=f"{label} is listed"))
        else:
            checks.append(
                Reason(
                    truth=Truth.NO,
                    nl=f"{label} staat niet op de lijst ({', '.join(programmes)})",
                    en=f"{label} is not on the list ({', '.join(programmes)})",
                )
            )
    if related_to is not None and table is not None:
        checks.append(context.relatedness(table, related_to, degree))
    return checks


def _degree_truth(
    degree: Diploma | Study,
    programmes: tuple[str, ...],
    related_to: SubjectId | None,
    table: str | None,
    context: RuleContext,
) -> Truth:
    """The truth of :func:`_degree_check`'s checks together, without their reasons."""
    truth = _YES
    if programmes:
        names = context.degree_names(degree)
        if names is None:
            truth = _UNKNOWN
        elif not names & {p.casefold() for p in programmes}:
            return _NO
    if related_to is not None and table is not None:
        truth &= context.relatedness(table, related_to, degree).truth
    return truth


def _best(per_degree: list[list[Reason]], missing: Reason) -> Verdict:
    """A verdict from the degree that fits best: any YES wins, then UNKNOWN, then NO."""
    if not per_degree:
        return Verdict(truth=Truth.NO, reasons=(missing,))
    scored = []
    for checks in per_degree:
        truth = _YES
        for c in checks:
            truth &= c.truth
        scored.append((truth, checks))
    for wanted in (_YES, _UNKNOWN, _NO):
        found = [checks for truth, checks in scored if truth is wanted]
        if found:
            return _combine(wanted, found[0]) if found[0] else Verdict(truth=wanted)
    raise AssertionError  # pragma: no cover - the loop covers every truth value


SECONDARY_ENTRY = frozenset({Level.HAVO, Level.VWO, Level.MBO_4})
"""The diplomas that give access to higher education (WHW art. 7.24)."""

HBO_ENTRY = frozenset({Level.HAVO, Level.MBO_4})
"""A rule that accepts both is the hbo admission requirement (WHW art. 7.24 lid 2), which a degree
replaces (art. 7.28 lid 1); a rule asking for one of them alone (the vwo of a shortened route, the
mbo-4 of a side entry) asks for that diploma itself."""

DEGREES = frozenset({Level.AD, Level.HBO_BACHELOR, Level.HBO_MASTER, Level.WO_BACHELOR, Level.WO_MASTER, Level.PHD})
"""Degrees (graden): whoever holds one is exempt from the havo/vwo/mbo-4 entry requirement (WHW art. 7.28 lid 1)."""


@frozen(kw_only=True)
class HasDiploma(Rule):
    """The person holds a diploma of one of ``levels``.

    Optionally the diploma's programme must be one of ``programmes`` (names, matched
    case-insensitively and through the catalogue's aliases), related to ``related_to`` by the
    relatedness ``table``, and awarded at most ``max_age_years`` before the date asked for.
    The hbo admission requirement (havo or mbo-4, with nothing more) is met by any degree too
    (WHW art. 7.28 lid 1): see :attr:`accepted_levels`.
    """

    tag: ClassVar[str] = "diploma"
    _reads: ClassVar[tuple[str, ...]] = ("diplomas",)
    levels: tuple[Level, ...] = field(converter=_levels, validator=validators.min_len(1))
    programmes: tuple[str, ...] = field(default=(), converter=_names)
    related_to: SubjectId | None = field(default=None, validator=_optional_subject)
    table: str | None = field(default=None, validator=_table_with_subject)
    max_age_years: int | None = field(default=None, validator=validators.optional(validators.ge(0)))

    @property
    def accepted_levels(self) -> frozenset[Level]:
        """The levels that meet the rule.

        Its own, and every degree where it is the hbo admission requirement with nothing more
        (no programme, relatedness or age).
        """
        own = frozenset(self.levels)
        plain = not self.programmes and self.related_to is None and self.max_age_years is None
        return own | DEGREES if plain and own >= HBO_ENTRY else own

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        levels = ", ".join(level.value for level in self.levels)
        accepted = self.accepted_levels
        per_degree: list[list[Reason]] = []
        for diploma in profile.diplomas:
            if diploma.level not in accepted:
                continue
            if diploma.level in self.levels:
                held = Reason(
                    truth=Truth.YES,
                    nl=f"diploma {diploma.level.value} aanwezig",
                    en=f"holds a {diploma.level.value} diploma",
                )
            else:
                held = Reason(
                    truth=Truth.YES,
                    nl=f"diploma {diploma.level.value} geeft toegang waar {levels} gevraagd wordt (WHW art. 7.28)",
                    en=f"a {diploma.level.value} degree gives access where {levels} is asked (WHW art. 7.28)",
                )
            checks = [held]
            checks += _degree_check(
                diploma,
                programmes=self.programmes,
                related_to=self.related_to,
                table=self.table,
                context=context,
            )
            if self.max_age_years is not None:
                checks.append(self._age(diploma, context))
            per_degree.append(checks)
        missing = Reason(truth=Truth.NO, nl=f"geen diploma van niveau {levels}", en=f"no {levels} diploma")
        return _best(per_degree, missing)

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        best = _NO
        accepted = self.accepted_levels
        for diploma in profile.diplomas:
            if diploma.level not in accepted:
                continue
            truth = _degree_truth(diploma, self.programmes, self.related_to, self.table, context)
            if truth is not _NO and self.max_age_years is not None:
                truth &= self._age(diploma, context).truth
            best |= truth
            if best is _YES:
                break
        return best

    def _age(self, diploma: Diploma, context: RuleContext) -> Reason:
        if diploma.year is None or context.as_of is None:
            return Reason(
                truth=Truth.UNKNOWN,
                nl=f"het diploma mag hoogstens {self.max_age_years} jaar oud zijn; jaar onbekend",
                en=f"the diploma may be at most {self.max_age_years} years old; year unknown",
            )
        age = context.as_of.year - diploma.year
        truth = Truth.YES if age <= (self.max_age_years or 0) else Truth.NO
        return Reason(
            truth=truth,
            nl=f"diploma is {age} jaar oud (hoogstens {self.max_age_years})",
            en=f"diploma is {age} years old (at most {self.max_age_years})",
        )


@frozen(kw_only=True)
class IsStudying(Rule):
    """The person is enrolled in a study of one of ``levels`` with at least ``min_ec`` EC.

    >>> rule = IsStudying(levels=(Level.WO_BACHELOR,), min_ec=90)
    >>> rule.evaluate(Profile(studying=(Study(level=Level.WO_BACHELOR, ec=120),))).reasons[0].nl
    'studie wo-bachelor met 120 EC (minstens 90)'
    """

    tag: ClassVar[str] = "studying"
    _reads: ClassVar[tuple[str, ...]] = ("studying",)
    levels: tuple[Level, ...] = field(converter=_levels, validator=validators.min_len(1))
    min_ec: int = field(default=0, validator=validators.ge(0))
    related_to: SubjectId | None = field(default=None, validator=_optional_subject)
    table: str | None = field(default=None, validator=_table_with_subject)

    def evaluate(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Verdict:
        levels = ", ".join(level.value for level in self.levels)
        per_degree: list[list[Reason]] = []
        for study in profile.studying:
            if study.level not in self.levels:
                continue
            enough = Truth.YES if study.ec >= self.min_ec else Truth.NO
            checks = [
                Reason(
                    truth=enough,
                    nl=f"studie {study.level.value} met {study.ec} EC (minstens {self.min_ec})",
                    en=f"studying {study.level.value} with {study.ec} EC (at least {self.min_ec})",
                )
            ]
            checks += _degree_check(study, programmes=(), related_to=self.related_to, table=self.table, context=context)
            per_degree.append(checks)
        missing = Reason(
            truth=Truth.NO,
            nl=f"geen lopende studie van niveau {levels}",
            en=f"not studying at level {levels}",
        )
        return _best(per_degree, missing)

    def truth(self, profile: Profile, context: RuleContext = NO_CONTEXT) -> Truth:
        best = _NO
        for study in profile.studying:
            if study.level not in self.levels or study.ec < self.min_ec:
                continue
            best |= _degree_truth(study, (), self.related_to, self.table, context)
            if best is _YES:
                break
        return best
