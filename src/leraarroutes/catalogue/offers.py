"""Where a programme is given: one institution, at one place, with its forms, fees and page.

A programme of the catalogue is a route step; a :class:`ProviderOffering` is that programme at
one institution and place. Routes stay over programmes (a second provider never makes a second
route): a step lists the offerings that can deliver it, and filters (:class:`Where`) keep the
ones in a region, near a place, of a provider or in a study form.

>>> from leraarroutes import load_catalogue
>>> offers = load_catalogue().offers_for("hbo-master-leraar/nederlands")
>>> sorted({o.institution for o in offers})[:3]
['Fontys Hogeschool', 'HAN University of Applied Sciences', 'Hogeschool Utrecht']
>>> groningen = Where(province="Groningen")
>>> [o.place() for o in offers if groningen.keeps(o)]
['NHL Stenden, Groningen']
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import attrs
from attrs import field, frozen, validators

from leraarroutes import _validate
from leraarroutes.errors import InputError
from leraarroutes.ids import SubjectId
from leraarroutes.register import fold, same_institution

__all__ = ["PROVINCES", "ProviderOffering", "Tuition", "Where", "place_point", "provider_matches"]

PROVINCES = (
    "Drenthe",
    "Flevoland",
    "Friesland",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)
"""The twelve provinces, as the register writes them."""

FORMS = ("voltijd", "deeltijd", "duaal")


def _http(_i: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, str) and value.startswith(("https://", "http://"))):
        msg = f"{attribute.name} must be a web address (http:// or https://), not {value!r}"
        raise ValueError(msg)


@frozen(kw_only=True)
class Tuition:
    """The legal tuition fee (wettelijk collegegeld) of one academic year, starting in ``year``.

    >>> Tuition(year=2025, eur=2601).academic_year
    '2025-2026'
    """

    year: int = field(validator=[validators.ge(2000), validators.le(2100)])
    eur: int = field(validator=validators.ge(0))

    @property
    def academic_year(self) -> str:
        """The academic year as people write it: ``2025-2026``."""
        return f"{self.year}-{self.year + 1}"


def _subjects(value: Iterable[str]) -> tuple[SubjectId, ...]:
    return tuple(SubjectId(v) for v in value)


def _forms(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen(kw_only=True)
class ProviderOffering:
    """One programme at one institution and place, as the register or the institution's page gives it.

    ``subjects`` are the school subjects it is given for (empty: the source names none); when
    ``subjects_confirmed`` is false they are the subjects its CROHO code is given for elsewhere
    (the title names only the family, such as the bèta subjects) and may be more than it gives;
    ``forms`` the study forms the source states (empty: not stated, which is not "voltijd");
    ``tuition`` the legal fee per academic year; ``source`` is ``register`` or ``pagina`` (the
    institution's own page, for what the register extract lacks).

    >>> from leraarroutes import load_catalogue
    >>> offer: ProviderOffering = load_catalogue().offers_for("alo")[0]
    >>> offer.place(), offer.croho, offer.tuition_for(2025).eur
    ('De Haagse Hogeschool, Den Haag', 35025, 2601)
    """

    programme: str = field(validator=_validate.slug)
    subjects: tuple[SubjectId, ...] = field(
        default=(), converter=_subjects, validator=validators.deep_iterable(_validate.slug)
    )
    subjects_confirmed: bool = True
    institution: str = field(validator=_validate.non_blank)
    brin: str | None = None
    city: str | None = None
    province: str | None = field(default=None, validator=validators.optional(validators.in_(PROVINCES)))
    lat: float | None = field(default=None, validator=validators.optional([validators.ge(50.0), validators.le(54.0)]))
    lon: float | None = field(default=None, validator=validators.optional([validators.ge(3.0), validators.le(8.0)]))
    croho: int | None = None
    title: str = field(validator=_validate.non_blank)
    forms: tuple[str, ...] = field(
        default=(), converter=_forms, validator=validators.deep_iterable(validators.in_(FORMS))
    )
    starts: tuple[str, ...] = ()
    numerus_fixus: bool = False
    tuition: tuple[Tuition, ...] = ()
    url: str | None = field(default=None, validator=_http)
    source: str = field(default="register", validator=validators.in_(("register", "pagina")))
    note: str | None = field(default=None, validator=_validate.optional_non_blank)

    def gives(self, subject: str | None) -> bool | None:
        """Whether it is given for ``subject``: True, False, or None when the source does not say."""
        if subject is None:
            return True
        if not self.subjects:
            return None
        if subject not in self.subjects:
            return False
        return True if self.subjects_confirmed else None

    def tuition_for(self, year: int) -> Tuition | None:
        """The fee of academic year ``year``, else the latest known before it, else the earliest after."""
        if not self.tuition:
            return None
        before = [t for t in self.tuition if t.year <= year]
        return max(before, key=lambda t: t.year) if before else min(self.tuition, key=lambda t: t.year)

    def distance_km(self, lat: float, lon: float) -> float | None:
        """The distance in km (as the crow flies) to a point, or None without coordinates."""
        if self.lat is None or self.lon is None:
            return None
        return _haversine(self.lat, self.lon, lat, lon)

    def place(self) -> str:
        """Institution and place in one line: ``Hanze, Groningen``."""
        return ", ".join(x for x in (self.institution, self.city) if x)


def provider_matches(wanted: str, institution: str) -> bool:
    """Whether a provider asked for is this institution: any of its names, or a part of its name."""
    if same_institution(wanted, [institution]):
        return True
    return fold(wanted) in fold(institution)


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    radius = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


@frozen(kw_only=True)
class Where:
    """Which offerings a person can use: a province, a place and distance, a provider, a study form.

    Every filter given must hold; an offering whose source does not state a fact a filter asks
    (no coordinates, no form) does not pass that filter.

    >>> Where(province="Groningen").describe()
    'in de provincie Groningen'
    """

    province: str | None = field(default=None, validator=validators.optional(validators.in_(PROVINCES)))
    near: tuple[float, float] | None = None
    near_name: str | None = None
    within_km: float = field(default=30.0, validator=[validators.gt(0), validators.le(400)])
    provider: str | None = None
    form: str | None = field(default=None, validator=validators.optional(validators.in_(FORMS)))

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any(x is not None for x in (self.province, self.near, self.provider, self.form))

    def keeps(self, offer: ProviderOffering, programme_forms: Iterable[str] = ()) -> bool:
        """Whether ``offer`` passes every filter.

        An offering that states no study forms passes the form filter when the programme is given
        in that form (``programme_forms``): the register states forms for a fifth of its offerings.
        """
        if self.province is not None and offer.province != self.province:
            return False
        if self.near is not None:
            distance = offer.distance_km(*self.near)
            if distance is None or distance > self.within_km:
                return False
        if self.provider is not None and not provider_matches(self.provider, offer.institution):
            return False
        if self.form is None:
            return True
        return self.form in offer.forms if offer.forms else self.form in set(programme_forms)

    def describe(self, lang: str = "nl") -> str:
        """The filters in words."""
        nl = _validate.language(lang) == "nl"
        parts = []
        if self.province:
            parts.append(f"in de provincie {self.province}" if nl else f"in the province of {self.province}")
        if self.near:
            place = self.near_name or f"{self.near[0]:.3f}, {self.near[1]:.3f}"
            parts.append(
                f"binnen {self.within_km:g} km van {place}" if nl else f"within {self.within_km:g} km of {place}"
            )
        if self.provider:
            parts.append(f"bij {self.provider}" if nl else f"at {self.provider}")
        if self.form:
            parts.append(f"in {self.form}" if nl else f"as {self.form}")
        return ", ".join(parts)


def place_point(name: str, offers: Iterable[ProviderOffering]) -> tuple[float, float]:
    """The coordinates of a place by name: the mean of the offerings there (the register's places).

    Raises :class:`~leraarroutes.InputError` naming close place names when the name is unknown.
    """
    wanted = fold(name)
    points: dict[str, list[tuple[float, float]]] = {}
    for o in offers:
        if o.city and o.lat is not None and o.lon is not None:
            points.setdefault(fold(o.city), []).append((o.lat, o.lon))
    if wanted not in points:
        hint = _validate.did_you_mean(wanted, points, n=3)
        raise InputError(f"unknown place {name!r}: no institution of the catalogue is there{hint}")
    pts = points[wanted]
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
