"""Teaching qualifications (bevoegdheden) and where each lets a person teach.

>>> q = Qualification.parse("eerstegraads:wiskunde")
>>> q.kind, q.subject, str(q)
(<QualificationKind.EERSTEGRAADS: 'eerstegraads'>, 'wiskunde', 'eerstegraads:wiskunde')
>>> q.includes(Qualification.parse("beperkt-tweedegraads:wiskunde"))
True
>>> Qualification.parse("po").includes(q)
False
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs
from attrs import field, frozen, validators

from leraarroutes import _validate
from leraarroutes.ids import SUBJECT_PLACEHOLDER, QualificationId, SubjectId

__all__ = [
    "Qualification",
    "QualificationKind",
    "QualificationScope",
    "SchoolSetting",
]


class QualificationKind(enum.StrEnum):
    """The kinds of teaching qualification.

    >>> QualificationKind("eerstegraads").per_subject, QualificationKind.PO.per_subject
    (True, False)
    """

    PO = "po"
    BEPERKT_TWEEDEGRAADS = "beperkt-tweedegraads"
    TWEEDEGRAADS = "tweedegraads"
    EERSTEGRAADS = "eerstegraads"
    PDG = "pdg"

    @property
    def per_subject(self) -> bool:
        """Whether a qualification of this kind is for one school subject."""
        return self in _VO_ORDER

    def label(self, lang: str = "nl") -> str:
        """The kind in words, in ``lang`` (``"nl"`` or ``"en"``).

        >>> QualificationKind.BEPERKT_TWEEDEGRAADS.label(), QualificationKind.PO.label("en")
        ('beperkt tweedegraads', 'primary school')
        """
        return _KIND_WORDS[_validate.language(lang)][self]


_KIND_WORDS = {
    "nl": {
        QualificationKind.PO: "bevoegdheid po",
        QualificationKind.BEPERKT_TWEEDEGRAADS: "beperkt tweedegraads",
        QualificationKind.TWEEDEGRAADS: "tweedegraads",
        QualificationKind.EERSTEGRAADS: "eerstegraads",
        QualificationKind.PDG: "PDG (mbo)",
    },
    "en": {
        QualificationKind.PO: "primary school",
        QualificationKind.BEPERKT_TWEEDEGRAADS: "limited second degree",
        QualificationKind.TWEEDEGRAADS: "second degree",
        QualificationKind.EERSTEGRAADS: "first degree",
        QualificationKind.PDG: "PDG (mbo)",
    },
}

_VO_ORDER = {
    QualificationKind.BEPERKT_TWEEDEGRAADS: 1,
    QualificationKind.TWEEDEGRAADS: 2,
    QualificationKind.EERSTEGRAADS: 3,
}


class SchoolSetting(enum.StrEnum):
    """A kind of school, or part of one, that a qualification's scope names.

    >>> SchoolSetting("vmbo-tl").value
    'vmbo-tl'
    """

    BASISONDERWIJS = "basisonderwijs"
    SPECIAAL_BASISONDERWIJS = "speciaal-basisonderwijs"
    SPECIAAL_ONDERWIJS = "speciaal-onderwijs"
    VOORTGEZET_SPECIAAL_ONDERWIJS = "voortgezet-speciaal-onderwijs"
    PRAKTIJKONDERWIJS = "praktijkonderwijs"
    VMBO = "vmbo"
    VMBO_TL = "vmbo-tl"
    ONDERBOUW_HAVO_VWO = "onderbouw-havo-vwo"
    BOVENBOUW_HAVO_VWO = "bovenbouw-havo-vwo"
    MBO = "mbo"
    VAVO = "vavo"
    PO_MATCHING_SUBJECT = "po-bij-passend-vak"


def _kind(value: QualificationKind | str) -> QualificationKind:
    return _validate.to_member(QualificationKind, value)


def _subject_for_kind(instance: Qualification, _attribute: attrs.Attribute[Any], value: object) -> None:
    if instance.kind.per_subject:
        if not isinstance(value, str) or not (value == SUBJECT_PLACEHOLDER or _validate.SLUG.fullmatch(value)):
            msg = (
                f"a {instance.kind.value} qualification needs a subject, such as '{instance.kind.value}:wiskunde'"
                if value is None
                else f"a {instance.kind.value} qualification needs a subject slug, not {value!r}"
            )
            raise ValueError(msg)
    elif value is not None:
        msg = f"a {instance.kind.value} qualification has no subject, but got {value!r}"
        raise ValueError(msg)


@frozen(kw_only=True, cache_hash=True)
class Qualification:
    """A teaching qualification: a kind and, for the VO kinds, a school subject.

    Written as text it is ``"po"``, ``"pdg"`` or ``"<kind>:<subject>"``. Qualifications sort by
    kind, then subject:

    >>> [str(q) for q in sorted(Qualification.parse(t) for t in ("po", "eerstegraads:wiskunde", "pdg"))]
    ['eerstegraads:wiskunde', 'pdg', 'po']
    """

    kind: QualificationKind = field(converter=_kind)
    subject: SubjectId | None = field(default=None, validator=_subject_for_kind)

    @classmethod
    def parse(cls, text: str) -> Qualification:
        """Read a qualification from its text form; raise ``ValueError`` naming valid kinds."""
        kind_text, sep, subject = text.partition(":")
        try:
            kind = QualificationKind(kind_text)
        except ValueError:
            choices = [k.value for k in QualificationKind]
            hint = _validate.did_you_mean(kind_text, choices)
            msg = f"unknown qualification kind {kind_text!r} in {text!r}; valid kinds: {', '.join(choices)}{hint}"
            raise ValueError(msg) from None
        return cls(kind=kind, subject=SubjectId(subject) if sep else None)

    @property
    def id(self) -> QualificationId:
        """The text form, such as ``"tweedegraads:wiskunde"``."""
        return QualificationId(str(self))

    def __str__(self) -> str:
        return self.kind.value if self.subject is None else f"{self.kind.value}:{self.subject}"

    def includes(self, other: Qualification) -> bool:
        """Whether holding this qualification also gives ``other`` (1e ⊇ 2e ⊇ beperkt 2e)."""
        if self.kind in _VO_ORDER and other.kind in _VO_ORDER:
            return self.subject == other.subject and _VO_ORDER[self.kind] >= _VO_ORDER[other.kind]
        return self == other

    def bind(self, subject: SubjectId) -> Qualification:
        """Fill in the subject placeholder with ``subject``."""
        if self.subject == SUBJECT_PLACEHOLDER:
            return attrs.evolve(self, subject=subject)
        return self

    # Written out rather than generated (order=True): profiles sort their qualifications each time
    # a step is taken, and the generated methods build two tuples in Python per comparison (12 µs for three).
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Qualification):
            return NotImplemented
        return (self.kind, self.subject or "") < (other.kind, other.subject or "")

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Qualification):
            return NotImplemented
        return (self.kind, self.subject or "") <= (other.kind, other.subject or "")

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Qualification):
            return NotImplemented
        return (self.kind, self.subject or "") > (other.kind, other.subject or "")

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Qualification):
            return NotImplemented
        return (self.kind, self.subject or "") >= (other.kind, other.subject or "")


@frozen(kw_only=True)
class QualificationScope:
    """Where a kind of qualification lets its holder teach, for a period, with its sources.

    >>> import datetime as dt
    >>> from leraarroutes import load_catalogue
    >>> scopes: tuple[QualificationScope, ...] = load_catalogue().scopes(dt.date(2024, 1, 1))
    >>> [str(s) for scope in scopes if scope.kind is QualificationKind.BEPERKT_TWEEDEGRAADS for s in scope.settings]
    ['vmbo', 'onderbouw-havo-vwo']
    """

    kind: QualificationKind = field(converter=_kind)
    settings: tuple[SchoolSetting, ...] = field(validator=validators.min_len(1))
    valid_from: dt.date | None = None
    valid_until: dt.date | None = field(default=None, validator=_validate.dates_in_order)
    note: str | None = field(default=None, validator=_validate.optional_non_blank)
    sources: tuple[str, ...] = field(validator=validators.min_len(1))

    def valid_on(self, day: dt.date) -> bool:
        """Whether this scope holds on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day < self.valid_until
        )
