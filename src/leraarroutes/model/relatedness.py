"""The three relatedness relations, kept apart.

1. the verwantschapstabel educatieve minor/module: wo bachelors (by CROHO code, sometimes only at
   named universities) and the subject of the beperkte tweedegraads they give;
2. the kopopleiding relatedness: bachelors that give 180 EC vrijstelling in a subject's hbo
   lerarenopleiding;
3. admission frameworks such as the ulo's "vakinhoudelijk masterniveau": minimum EC of subject
   content and the largest deficiency allowed.

>>> row = RelatednessEntry(table="minor-module", programme="Wiskunde", croho=56980,
...                        level=Level.WO_BACHELOR, subject="wiskunde", row=105)
>>> row.matches_name("wiskunde ")
True
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen, validators

from leraarroutes import _validate
from leraarroutes.ids import SubjectId
from leraarroutes.model.education import Level

__all__ = ["AdmissionFramework", "RelatednessEntry", "RelatednessTable"]


@frozen(kw_only=True)
class RelatednessTable:
    """A relatedness table: its id, name, whether it is complete, and its sources.

    A table that is ``complete`` answers *no* for any degree it does not list; one that
    ``designates`` its degrees answers *no* for a degree the register identifies and it does not
    list, and *unknown* only for a degree that cannot be identified; any other table answers
    *unknown* (the programme decides).

    >>> from leraarroutes import load_catalogue
    >>> table: RelatednessTable = load_catalogue().table("minor-module")
    >>> table.name, table.complete
    ('verwantschapstabel educatieve minor/module', False)
    """

    id: str = field(validator=_validate.slug)
    name: str = field(validator=_validate.non_blank)
    complete: bool
    designates: bool = False
    """The table designates the related degrees one by one (a regulation, not examples): a degree
    the register identifies and the table does not list is not related."""
    changes_missing_from: dt.date | None = None
    """From this date on, changes to the table are not in the data (answers say so)."""
    note: str | None = field(default=None, validator=_validate.optional_non_blank)
    sources: tuple[str, ...] = field(validator=validators.min_len(1))


@frozen(kw_only=True)
class RelatednessEntry:
    """One row: a degree programme (name, CROHO code, level) related to a school subject.

    ``universities`` limits the row to degrees from those universities; ``row`` is the row number
    in the source table, when the table has numbered rows.
    """

    table: str = field(validator=_validate.slug)
    programme: str = field(validator=_validate.non_blank)
    croho: int | None = None
    level: Level = field(validator=validators.instance_of(Level))
    universities: tuple[str, ...] = ()
    subject: SubjectId = field(validator=_validate.slug)
    row: int | None = None
    note: str | None = field(default=None, validator=_validate.optional_non_blank)
    valid_from: dt.date | None = None
    valid_until: dt.date | None = field(default=None, validator=_validate.dates_in_order)

    def valid_on(self, day: dt.date) -> bool:
        """Whether the row was in the table on ``day`` (a row without dates always is)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day < self.valid_until
        )

    def matches_name(self, name: str) -> bool:
        """Whether ``name`` is this row's programme, ignoring case and surrounding spaces."""
        return self.programme.casefold() == name.strip().casefold()


@frozen(kw_only=True)
class AdmissionFramework:
    """An admission framework with EC thresholds, such as the ulo "vakinhoudelijk masterniveau".

    >>> from leraarroutes import load_catalogue
    >>> ulo: AdmissionFramework = load_catalogue().frameworks[0]
    >>> ulo.id, ulo.min_subject_ec, ulo.max_deficiency_ec
    ('ulo', 120, 18)
    """

    id: str = field(validator=_validate.slug)
    name: str = field(validator=_validate.non_blank)
    min_subject_ec: int = field(validator=validators.ge(1))
    max_deficiency_ec: int = field(validator=validators.ge(0))
    deficiency_kind: str | None = field(default=None, validator=validators.optional(_validate.slug))
    valid_from: dt.date | None = None
    note: str | None = field(default=None, validator=_validate.optional_non_blank)
    sources: tuple[str, ...] = field(validator=validators.min_len(1))
