"""The rules layer: entry requirements as an algebra with three-valued verdicts.

:mod:`~leraarroutes.rules.algebra` holds truths, verdicts, the rule base and ``all``/``any``/``not``;
:mod:`~leraarroutes.rules.degrees` the rules about diplomas and studies;
:mod:`~leraarroutes.rules.facts` the rules about the rest of a profile;
:mod:`~leraarroutes.rules.words` every rule in Dutch and English.

>>> from leraarroutes.rules import HasDiploma, describe
>>> from leraarroutes import Level
>>> describe(HasDiploma(levels=(Level.VWO,)), "en")
'a diploma vwo'
"""

from leraarroutes.rules.algebra import (
    NO_CONTEXT,
    PROFILE_FIELDS,
    AllOf,
    AnyOf,
    Not,
    Reason,
    Rule,
    RuleContext,
    Truth,
    Verdict,
)
from leraarroutes.rules.degrees import HasDiploma, IsStudying
from leraarroutes.rules.facts import (
    Before,
    Decision,
    ExamSubject,
    HasCompleted,
    HasJob,
    HoldsQualification,
    SubjectEc,
    VocationalSubject,
    WorkExperience,
)
from leraarroutes.rules.words import describe

RULE_TYPES: tuple[type[Rule], ...] = (
    AllOf,
    AnyOf,
    Not,
    HasDiploma,
    IsStudying,
    HoldsQualification,
    HasCompleted,
    SubjectEc,
    ExamSubject,
    HasJob,
    WorkExperience,
    VocationalSubject,
    Before,
    Decision,
)
"""Every rule class, in the order the file format documents them."""


__all__ = [
    "NO_CONTEXT",
    "PROFILE_FIELDS",
    "RULE_TYPES",
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
    "describe",
]
