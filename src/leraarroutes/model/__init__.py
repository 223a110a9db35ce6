"""The model layer: the people and the things the routes are about, as frozen, validated values.

:mod:`~leraarroutes.model.education` (levels, diplomas, studies in progress),
:mod:`~leraarroutes.model.subjects` (school subjects), :mod:`~leraarroutes.model.qualifications`
(bevoegdheden and where they let you teach), :mod:`~leraarroutes.model.profile` (a person's
situation) and :mod:`~leraarroutes.model.relatedness` (the verwantschapstabel and the admission
frameworks). Nothing here knows a rule, a catalogue or a route.

>>> from leraarroutes.model import Diploma, Level, Profile
>>> Profile(diplomas=(Diploma(level=Level.VWO),)).diplomas[0].level.value
'vwo'
"""

from leraarroutes.model.education import HIGHER_EDUCATION_DEGREES, Diploma, Level, Study
from leraarroutes.model.profile import MAX_DIPLOMAS, MAX_LIST_ITEMS, Job, Profile, Sector
from leraarroutes.model.qualifications import Qualification, QualificationKind, QualificationScope, SchoolSetting
from leraarroutes.model.relatedness import AdmissionFramework, RelatednessEntry, RelatednessTable
from leraarroutes.model.subjects import ShortageListing, Subject

__all__ = [
    "HIGHER_EDUCATION_DEGREES",
    "MAX_DIPLOMAS",
    "MAX_LIST_ITEMS",
    "AdmissionFramework",
    "Diploma",
    "Job",
    "Level",
    "Profile",
    "Qualification",
    "QualificationKind",
    "QualificationScope",
    "RelatednessEntry",
    "RelatednessTable",
    "SchoolSetting",
    "Sector",
    "ShortageListing",
    "Study",
    "Subject",
]
