"""School subjects (schoolvakken) and vocational profiles, with shortage listings.

>>> s = Subject(id="natuurkunde", name="Natuurkunde", name_en="Physics",
...             sources=("https://example.org/vakken",))
>>> s.label("en")
'Physics'
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen, validators

from leraarroutes import _validate
from leraarroutes.ids import SubjectId

__all__ = ["ShortageListing", "Subject"]


@frozen(kw_only=True)
class ShortageListing:
    """One source's statement, on a date, that a subject is a shortage subject (tekortvak).

    >>> from leraarroutes import load_catalogue
    >>> first: ShortageListing = load_catalogue().subject("natuurkunde").shortage[0]
    >>> first.listed_on
    datetime.date(2019, 1, 1)
    """

    listed_on: dt.date
    source: str = field(validator=_validate.non_blank)
    note: str | None = field(default=None, validator=_validate.optional_non_blank)


@frozen(kw_only=True)
class Subject:
    """A school subject or vocational profile with a stable lower-case Dutch slug."""

    id: SubjectId = field(validator=_validate.slug)
    name: str = field(validator=_validate.non_blank)
    name_en: str = field(validator=_validate.non_blank)
    vocational: bool = False
    aliases: tuple[str, ...] = ()
    shortage: tuple[ShortageListing, ...] = ()
    sources: tuple[str, ...] = field(validator=validators.min_len(1))

    def label(self, lang: str = "nl") -> str:
        """The display name in ``lang`` (``"nl"`` or ``"en"``)."""
        return self.name_en if _validate.language(lang) == "en" else self.name

    def shortage_on(self, day: dt.date) -> bool:
        """Whether some source listed the subject as a shortage subject on or before ``day``."""
        return any(listing.listed_on <= day for listing in self.shortage)
