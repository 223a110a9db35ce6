"""leraarroutes: the routes to a Dutch teaching qualification (bevoegdheid), as typed data with sources.

With someone's education, which routes lead to which qualification, how long do they take,
what do they cost, and what is missing? Start here:

- :func:`load_catalogue` -- the programmes, admission rules and offerings, each with its source;
- :func:`load_profile` or :class:`Profile` -- a person's diplomas, studies, job and experience;
- :func:`find_routes` -- every route to a target (``"po"``, ``"eerstegraads:wiskunde"``, ``"vmbo"``),
  or to every qualification without one; each :class:`Route` has steps, months, EC and cost;
- :func:`explain` -- why a programme is closed and what would open it;
- :func:`personal_digraph` and :func:`to_digraph` -- the personal route map and the overviews;
- :mod:`leraarroutes.batch` -- whole cohorts, from CSV, Parquet or any dataframe engine.

On the command line: ``leraarroutes routes --profile ik.yaml --target po`` (``--help`` for more).

>>> import datetime as dt
>>> import leraarroutes
>>> catalogue = leraarroutes.load_catalogue()
>>> person = leraarroutes.Profile(diplomas=(leraarroutes.Diploma(level=leraarroutes.Level.VWO),))
>>> routes = leraarroutes.find_routes(catalogue, person, "po", as_of=dt.date(2024, 1, 1))
>>> routes[0].qualification, routes[0].programmes
('po', ('pwpo',))
"""

import typing as _typing

from leraarroutes._lazy import lazy_names as _lazy_names
from leraarroutes.errors import CatalogueError, InputError, LeraarroutesError, ProfileError, RuleError, UnknownNameError
from leraarroutes.ids import ProgrammeId, QualificationId, SubjectId, offering_subject

if _typing.TYPE_CHECKING:
    from leraarroutes.catalogue.catalogue import Catalogue, CatalogueFile, DegreeAlias
    from leraarroutes.catalogue.loading import load_catalogue, load_profile, load_profiles, save
    from leraarroutes.catalogue.offers import PROVINCES, ProviderOffering, Tuition, Where
    from leraarroutes.catalogue.programmes import (
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
    from leraarroutes.catalogue.serialize import dumps, loads, make_converter
    from leraarroutes.diagrams import (
        OVERVIEWS,
        PAGES,
        SPLIT_FOR_PRINT,
        BrowserMissingError,
        GraphvizMissingError,
        advice_html,
        html_to_pdf,
        overview_mermaid,
        overview_pages,
        personal_digraph,
        personal_mermaid,
        render,
        render_bytes,
        to_digraph,
    )
    from leraarroutes.engine.explain import explain
    from leraarroutes.engine.groups import QualificationGroup, group_routes
    from leraarroutes.engine.routes import (
        SCHOOL_TARGETS,
        Blocked,
        Explanation,
        Route,
        Routes,
        SearchLimitError,
        SortKey,
        Step,
        find_routes,
    )
    from leraarroutes.model.education import HIGHER_EDUCATION_DEGREES, Diploma, Level, Study
    from leraarroutes.model.profile import Job, Profile, Sector
    from leraarroutes.model.qualifications import Qualification, QualificationKind, QualificationScope, SchoolSetting
    from leraarroutes.model.relatedness import AdmissionFramework, RelatednessEntry, RelatednessTable
    from leraarroutes.model.subjects import ShortageListing, Subject
    from leraarroutes.register import Degree, DegreeRegister, Identification, load_register
    from leraarroutes.rules import (
        AllOf,
        AnyOf,
        Before,
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
        VocationalSubject,
        WorkExperience,
    )

# Everything but the errors and the id types loads on first use (the model and the catalogue
# need attrs and PyYAML, the engine networkx, the diagrams graphviz), so that `import leraarroutes`
# and `leraarroutes --version` stay quick.
_LAZY = {
    **dict.fromkeys(("Catalogue", "CatalogueFile", "DegreeAlias"), "leraarroutes.catalogue.catalogue"),
    **dict.fromkeys(("load_catalogue", "load_profile", "load_profiles", "save"), "leraarroutes.catalogue.loading"),
    **dict.fromkeys(("PROVINCES", "ProviderOffering", "Tuition", "Where"), "leraarroutes.catalogue.offers"),
    **dict.fromkeys(
        (
            "Cost",
            "Duration",
            "Exemption",
            "Grants",
            "Programme",
            "ProgrammeKind",
            "ProgrammeLevel",
            "Source",
            "StudyForm",
            "Subsidy",
        ),
        "leraarroutes.catalogue.programmes",
    ),
    **dict.fromkeys(("HIGHER_EDUCATION_DEGREES", "Diploma", "Level", "Study"), "leraarroutes.model.education"),
    **dict.fromkeys(("Job", "Profile", "Sector"), "leraarroutes.model.profile"),
    **dict.fromkeys(
        ("Qualification", "QualificationKind", "QualificationScope", "SchoolSetting"),
        "leraarroutes.model.qualifications",
    ),
    **dict.fromkeys(("AdmissionFramework", "RelatednessEntry", "RelatednessTable"), "leraarroutes.model.relatedness"),
    **dict.fromkeys(("ShortageListing", "Subject"), "leraarroutes.model.subjects"),
    **dict.fromkeys(("Degree", "DegreeRegister", "Identification", "load_register"), "leraarroutes.register"),
    **dict.fromkeys(
        (
            "AllOf",
            "AnyOf",
            "Before",
            "Decision",
            "ExamSubject",
            "HasCompleted",
            "HasDiploma",
            "HasJob",
            "HoldsQualification",
            "IsStudying",
            "Not",
            "Reason",
            "Rule",
            "RuleContext",
            "SubjectEc",
            "Truth",
            "Verdict",
            "VocationalSubject",
            "WorkExperience",
        ),
        "leraarroutes.rules",
    ),
    **dict.fromkeys(
        (
            "OVERVIEWS",
            "PAGES",
            "SPLIT_FOR_PRINT",
            "BrowserMissingError",
            "GraphvizMissingError",
            "advice_html",
            "html_to_pdf",
            "overview_mermaid",
            "overview_pages",
            "personal_digraph",
            "personal_mermaid",
            "render",
            "render_bytes",
            "to_digraph",
        ),
        "leraarroutes.diagrams",
    ),
    **dict.fromkeys(("dumps", "loads", "make_converter"), "leraarroutes.catalogue.serialize"),
    **dict.fromkeys(
        (
            "SCHOOL_TARGETS",
            "Blocked",
            "Explanation",
            "Route",
            "Routes",
            "SearchLimitError",
            "SortKey",
            "Step",
            "find_routes",
        ),
        "leraarroutes.engine.routes",
    ),
    **dict.fromkeys(("QualificationGroup", "group_routes"), "leraarroutes.engine.groups"),
    "explain": "leraarroutes.engine.explain",
}


__getattr__, __dir__ = _lazy_names("leraarroutes", _LAZY, globals())


from leraarroutes._version import __version__  # noqa: E402 - after the lazy table, as before

__all__ = [
    "HIGHER_EDUCATION_DEGREES",
    "OVERVIEWS",
    "PAGES",
    "PROVINCES",
    "SCHOOL_TARGETS",
    "SPLIT_FOR_PRINT",
    "AdmissionFramework",
    "AllOf",
    "AnyOf",
    "Before",
    "Blocked",
    "BrowserMissingError",
    "Catalogue",
    "CatalogueError",
    "CatalogueFile",
    "Cost",
    "Decision",
    "Degree",
    "DegreeAlias",
    "DegreeRegister",
    "Diploma",
    "Duration",
    "ExamSubject",
    "Exemption",
    "Explanation",
    "Grants",
    "GraphvizMissingError",
    "HasCompleted",
    "HasDiploma",
    "HasJob",
    "HoldsQualification",
    "Identification",
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
    "ProviderOffering",
    "Qualification",
    "QualificationGroup",
    "QualificationId",
    "QualificationKind",
    "QualificationScope",
    "Reason",
    "RelatednessEntry",
    "RelatednessTable",
    "Route",
    "Routes",
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
    "Tuition",
    "UnknownNameError",
    "Verdict",
    "VocationalSubject",
    "Where",
    "WorkExperience",
    "__version__",
    "advice_html",
    "dumps",
    "explain",
    "find_routes",
    "group_routes",
    "html_to_pdf",
    "load_catalogue",
    "load_profile",
    "load_profiles",
    "load_register",
    "loads",
    "make_converter",
    "offering_subject",
    "overview_mermaid",
    "overview_pages",
    "personal_digraph",
    "personal_mermaid",
    "render",
    "render_bytes",
    "save",
    "to_digraph",
]
