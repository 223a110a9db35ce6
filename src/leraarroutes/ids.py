"""Names of the domain's identifiers, so that signatures read as domain language.

>>> from leraarroutes.ids import SubjectId
>>> SubjectId("wiskunde")
'wiskunde'
>>> ProgrammeId("kopopleiding/wiskunde"), QualificationId("tweedegraads:wiskunde")
('kopopleiding/wiskunde', 'tweedegraads:wiskunde')
"""

from __future__ import annotations

from typing import NewType

__all__ = ["SUBJECT_PLACEHOLDER", "ProgrammeId", "QualificationId", "SubjectId", "offering_subject"]

SubjectId = NewType("SubjectId", str)
"""A school subject's stable lower-case Dutch slug, such as ``"wiskunde"``."""

ProgrammeId = NewType("ProgrammeId", str)
"""A programme's id; a subject-specific offering is ``"<programme>/<subject>"``."""

QualificationId = NewType("QualificationId", str)
"""A qualification written as text: ``"po"``, ``"pdg"`` or ``"<kind>:<subject>"``."""

SUBJECT_PLACEHOLDER = SubjectId("{subject}")
"""Stands for "the subject of this offering" in rules and grants of per-subject programmes."""


def offering_subject(programme: str) -> str | None:
    """The subject of a per-subject offering id, or None for a programme offered as a whole.

    >>> offering_subject("kopopleiding/wiskunde"), offering_subject("pabo")
    ('wiskunde', None)
    """
    _, sep, subject = programme.rpartition("/")
    return subject if sep else None
