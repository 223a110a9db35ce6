"""What the search finds, before any reason is written out: step figures and found routes.

Both the compiled form (which keeps them between queries) and the search (which makes them) use
these types, so they live below both.
"""

from __future__ import annotations

from attrs import frozen

from leraarroutes.model.qualifications import Qualification

Plan = tuple[int, ...]
"""Steps as offering numbers of the compiled graph, in order."""


@frozen(cache_hash=True)
class CostBasis:
    """How a step's cost was reckoned: a fee per academic year times the years the step takes.

    ``academic_year`` is the year the fee is of; ``exact`` is false when no fee of the year asked
    about is known and the nearest one was taken.
    """

    what: str
    per_year: int
    years: int
    academic_year: str
    exact: bool

    def text(self, lang: str = "nl") -> str:
        """The reckoning in words."""
        if lang == "en":
            what = "statutory tuition fee" if self.what == "wettelijk collegegeld" else self.what
            text = f"{what} {self.academic_year}: € {self.per_year:,} x {self.years} year{'s' * (self.years != 1)}"
            return text + ("" if self.exact else " (no fee known for the year asked; the nearest one)")
        text = f"{self.what} {self.academic_year}: € {self.per_year:,} x {self.years} jaar".replace(",", ".")
        return text + ("" if self.exact else " (van het gevraagde jaar is geen bedrag bekend; het dichtstbijzijnde)")


@frozen(cache_hash=True)
class Figures:
    """One step's figures after the exemption that applies, and whether its entry is certain."""

    months: int | None
    ec: int | None
    cost_eur: int | None
    paid_work: bool
    exemption: str | None
    estimated: bool
    conditional: bool
    cost_basis: CostBasis | None = None
    form: str | None = None
    """The study form the months are of (the one asked for, or the only one the programme has)."""
    months_max: int | None = None
    """The longest duration the source gives for that form, when it gives a range."""


@frozen
class Found:
    """A route as the search finds it: steps and totals, before its reasons are written out.

    The totals add up the figures that sources give; ``unknown_figures`` names the missing ones.
    """

    qualification: str
    plan: Plan
    programmes: tuple[str, ...]
    steps: tuple[Figures, ...]
    status: str
    months: int
    ec: int
    cost_eur: int | None
    paid_months: int
    unknown_figures: tuple[str, ...]
    months_max: int = 0
    """The longest total: each step's longest duration where the source gives a range."""
    months_unknown: int = 0
    """Steps whose duration no source gives (``months`` adds up the others)."""
    ec_unknown: int = 0
    """Steps that take time but whose EC no source gives (an entry test has no EC to give)."""

    @property
    def months_known(self) -> int | None:
        """The total months, or None when no step's duration is known."""
        return None if self.months_unknown == len(self.steps) else self.months

    @property
    def ec_known(self) -> int | None:
        """The total EC, or None when no step's EC is known."""
        counted = sum(1 for s in self.steps if s.ec is not None or s.months is None or s.months > 0)
        return None if counted and self.ec_unknown == counted else self.ec


def _found(qualification: Qualification, plan: Plan, programmes: tuple[str, ...], steps: tuple[Figures, ...]) -> Found:
    # A step with no duration and no EC (an entry test) costs nothing a source would state.
    unknown_cost = any(s.cost_eur is None and (s.months or s.ec) for s in steps)
    return Found(
        qualification=str(qualification),
        plan=plan,
        programmes=programmes,
        steps=steps,
        status="conditional" if any(s.conditional for s in steps) else "open",
        months=sum(s.months or 0 for s in steps),
        months_max=sum(s.months_max or s.months or 0 for s in steps),
        months_unknown=sum(1 for s in steps if s.months is None),
        ec_unknown=sum(1 for s in steps if s.ec is None and (s.months is None or s.months > 0)),
        ec=sum(s.ec or 0 for s in steps),
        cost_eur=None if unknown_cost else sum(s.cost_eur or 0 for s in steps),
        paid_months=sum(s.months or 0 for s in steps if s.paid_work),
        unknown_figures=tuple(
            f"{pid}: {what}"
            for pid, s in zip(programmes, steps, strict=True)
            for what, value in (("months", s.months), ("ec", s.ec))
            if value is None
        ),
    )
