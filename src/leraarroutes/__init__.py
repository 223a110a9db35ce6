"""leraarroutes: the routes to a Dutch teaching qualification, as typed data with sources.

>>> import leraarroutes
>>> catalogue = leraarroutes.load_catalogue()
>>> catalogue.subject("wiskunde").name
'Wiskunde'
"""

import importlib.metadata as _metadata

from leraarroutes.catalogue import Catalogue, CatalogueFile, DegreeAlias
from leraarroutes.education import HIGHER_EDUCATION_DEGREES, Diploma, Level, Study
from leraarroutes.errors import (
    CatalogueError,
    InputError,
    LeraarroutesError,
    ProfileError,
    RuleError,
    UnknownNameError,
)
from leraarroutes.ids import ProgrammeId, QualificationId, SubjectId
from leraarroutes.loading import load_catalogue, load_profile, load_profiles, save
from leraarroutes.profile import Job, Profile, Sector
from leraarroutes.programmes import (
    Cost,
    Duration,
    Exemption,
    Grants,
    Programme,
    ProgrammeKind,
    ProgrammeLevel,
    Source,
    StudyForm,
    Subsidy,
)
from leraarroutes.qualifications import (
    Qualification,
    QualificationKind,
    QualificationScope,
    SchoolSetting,
)
from leraarroutes.relatedness import AdmissionFramework, RelatednessEntry, RelatednessTable
from leraarroutes.routes import (
    Blocked,
    Route,
    SearchLimitError,
    SortKey,
    Step,
    explain,
    find_routes,
)
from leraarroutes.rules import (
    AllOf,
    AnyOf,
    Decision,
    ExamSubject,
    HasCompleted,
    HasDiploma,
    HasJob,
    HoldsQualification,
    IsStudying,
    Not,
    Reason,
    Rule,
    RuleContext,
    SubjectEc,
    Truth,
    Verdict,
    WorkExperience,
)
from leraarroutes.serialize import dumps, loads, make_converter
from leraarroutes.subjects import ShortageListing, Subject

try:
    __version__ = _metadata.version("leraarroutes")
except _metadata.PackageNotFoundError:  # pragma: no cover - a source tree without metadata
    __version__ = "0.0.0"

__all__ = [
    "HIGHER_EDUCATION_DEGREES",
    "AdmissionFramework",
    "AllOf",
    "AnyOf",
    "Blocked",
    "Catalogue",
    "CatalogueError",
    "CatalogueFile",
    "Cost",
    "Decision",
    "DegreeAlias",
    "Diploma",
    "Duration",
    "ExamSubject",
    "Exemption",
    "Grants",
    "HasCompleted",
    "HasDiploma",
    "HasJob",
    "HoldsQualification",
    "InputError",
    "IsStudying",
    "Job",
    "LeraarroutesError",
    "Level",
    "Not",
    "Profile",
    "ProfileError",
    "Programme",
    "ProgrammeId",
    "ProgrammeKind",
    "ProgrammeLevel",
    "Qualification",
    "QualificationId",
    "QualificationKind",
    "QualificationScope",
    "Reason",
    "RelatednessEntry",
    "RelatednessTable",
    "Route",
    "Rule",
    "RuleContext",
    "RuleError",
    "SchoolSetting",
    "SearchLimitError",
    "Sector",
    "ShortageListing",
    "SortKey",
    "Source",
    "Step",
    "Study",
    "StudyForm",
    "Subject",
    "SubjectEc",
    "SubjectId",
    "Subsidy",
    "Truth",
    "UnknownNameError",
    "Verdict",
    "WorkExperience",
    "__version__",
    "dumps",
    "explain",
    "find_routes",
    "load_catalogue",
    "load_profile",
    "load_profiles",
    "loads",
    "make_converter",
    "save",
]
