"""The catalogue layer: the programmes and tables as sourced data, and how they are read and written.

:mod:`~leraarroutes.catalogue.programmes` (a programme: entry rule, durations, costs, what it
grants, its sources), :mod:`~leraarroutes.catalogue.catalogue` (the whole catalogue, checked as one,
and the context rules ask), :mod:`~leraarroutes.catalogue.loading` (files in and out, atomically),
:mod:`~leraarroutes.catalogue.serialize` (the strict cattrs converter for YAML, JSON and TOML),
:mod:`~leraarroutes.catalogue.schema` (the JSON Schemas) and the shipped ``data/`` folder.

The converter and the schemas are imported where they are used (they pull in cattrs and PyYAML),
so ``import leraarroutes`` stays quick.

>>> from leraarroutes.catalogue import load_catalogue
>>> load_catalogue().programme("pabo").kind.value
'pabo'
"""

from leraarroutes.catalogue.catalogue import MAX_PROGRAMMES, Catalogue, CatalogueFile, DegreeAlias
from leraarroutes.catalogue.loading import MAX_FILE_BYTES, load_catalogue, load_profile, load_profiles, save
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

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PROGRAMMES",
    "Catalogue",
    "CatalogueFile",
    "Cost",
    "DegreeAlias",
    "Duration",
    "Exemption",
    "Grants",
    "Programme",
    "ProgrammeKind",
    "ProgrammeLevel",
    "Source",
    "StudyForm",
    "Subsidy",
    "load_catalogue",
    "load_profile",
    "load_profiles",
    "save",
]
