"""What a person already has: diplomas, studies in progress and their levels.

>>> d = Diploma(level=Level.HAVO, exam_subjects=("geschiedenis", "aardrijkskunde"))
>>> d.level.value, d.exam_subjects
('havo', ('aardrijkskunde', 'geschiedenis'))
>>> Level.WO_MASTER in HIGHER_EDUCATION_DEGREES
True
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
from attrs import field, frozen, validators

from leraarroutes import _validate
from leraarroutes.ids import SubjectId

__all__ = [
    "HIGHER_EDUCATION_DEGREES",
    "Diploma",
    "Level",
    "Study",
    "StudyForm",
]


class Level(enum.StrEnum):
    """The level of a diploma or of a study in progress (Dutch education system)."""

    VMBO = "vmbo"
    HAVO = "havo"
    VWO = "vwo"
    MBO_2 = "mbo-2"
    MBO_3 = "mbo-3"
    MBO_4 = "mbo-4"
    AD = "ad"
    HBO_PROPEDEUSE = "hbo-propedeuse"
    HBO_BACHELOR = "hbo-bachelor"
    HBO_MASTER = "hbo-master"
    WO_BACHELOR = "wo-bachelor"
    WO_MASTER = "wo-master"
    PHD = "phd"


class StudyForm(enum.StrEnum):
    """How a programme is followed: full-time, part-time, or dual (working and learning).

    >>> StudyForm("deeltijd") is StudyForm.DEELTIJD
    True
    """

    VOLTIJD = "voltijd"
    DEELTIJD = "deeltijd"
    DUAAL = "duaal"


HIGHER_EDUCATION_DEGREES = frozenset(
    {Level.HBO_BACHELOR, Level.HBO_MASTER, Level.WO_BACHELOR, Level.WO_MASTER, Level.PHD}
)
"""The completed hbo or wo degrees ("een hbo- of wo-getuigschrift")."""

_EXAM_LEVELS = frozenset({Level.VMBO, Level.HAVO, Level.VWO})


def _sorted_subjects(value: Any) -> tuple[SubjectId, ...]:  # noqa: ANN401 - accepts any iterable
    return tuple(sorted({SubjectId(str(v)) for v in value}))


def _croho(_instance: object, _attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 10000 <= value <= 99999:  # noqa: PLR2004 - five digits
        msg = f"croho must be a five-digit CROHO code, not {value}"
        raise ValueError(msg)


def _level(value: Level | str) -> Level:
    return _validate.to_member(Level, value)


@frozen(kw_only=True, cache_hash=True)
class Diploma:
    """A diploma a person holds.

    ``programme`` is the degree programme's name as it stands on the diploma; it is matched to the
    catalogue's known programmes case-insensitively and through aliases, and ``croho`` (when given)
    wins over the name. ``exam_subjects`` are the final-exam subjects of a vmbo, havo or vwo
    diploma: they decide the pabo entry tests.
    """

    level: Level = field(converter=_level)
    programme: str | None = field(default=None, validator=_validate.optional_non_blank)
    croho: int | None = field(default=None, validator=_croho)
    institution: str | None = field(default=None, validator=_validate.optional_non_blank)
    year: int | None = field(default=None, validator=_validate.year)
    exam_subjects: tuple[SubjectId, ...] = field(default=(), converter=_sorted_subjects)

    def __attrs_post_init__(self) -> None:
        if self.exam_subjects and self.level not in _EXAM_LEVELS:
            msg = f"exam_subjects belong to a vmbo, havo or vwo diploma, not to {self.level.value}"
            raise ValueError(msg)


@frozen(kw_only=True)
class Study:
    """A study in progress, with the EC earned so far."""

    level: Level = field(converter=_level)
    programme: str | None = field(default=None, validator=_validate.optional_non_blank)
    croho: int | None = field(default=None, validator=_croho)
    institution: str | None = field(default=None, validator=_validate.optional_non_blank)
    ec: int = field(default=0, validator=[validators.ge(0), validators.le(600)])
