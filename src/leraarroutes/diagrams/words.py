"""The words of the diagrams, in Dutch and English: headings, programme kinds, qualifications."""

from __future__ import annotations

from leraarroutes.catalogue.programmes import ProgrammeKind
from leraarroutes.model.qualifications import QualificationKind

_WORDS = {
    "nl": {
        "start": "Vooropleiding",
        "qualifications": "Bevoegdheid",
        "legend": "Legenda",
        "po": "Primair onderwijs",
        "vo": "Voortgezet onderwijs",
        "mbo": "Mbo",
        "per_subject": "per vak ({n})",
        "months": "mnd",
        "job": "baan op een school",
        "you": "Jij",
        "blocked": "niet toegankelijk",
        "studying": "student {level}",
        "held": "al {q}",
    },
    "en": {
        "start": "Prior education",
        "qualifications": "Qualification",
        "legend": "Legend",
        "po": "Primary education",
        "vo": "Secondary education",
        "mbo": "Vocational (mbo)",
        "per_subject": "per subject ({n})",
        "months": "mo",
        "job": "a job at a school",
        "you": "You",
        "blocked": "not open",
        "studying": "{level} student",
        "held": "already {q}",
    },
}

KIND_LABELS: dict[str, dict[ProgrammeKind, str]] = {
    "nl": {
        ProgrammeKind.PABO: "pabo",
        ProgrammeKind.PABO_VERKORT: "verkorte pabo",
        ProgrammeKind.ACADEMISCHE_PABO: "academische pabo",
        ProgrammeKind.PWPO: "PWPO (wo-bachelor po)",
        ProgrammeKind.EMPO: "EMPO",
        ProgrammeKind.MPABO: "MPabo",
        ProgrammeKind.ZIJ_INSTROOM: "zij-instroom",
        ProgrammeKind.ACADEMISCHE_ZIJ_INSTROOM_PO: "academische zij-instroom po",
        ProgrammeKind.PREMASTER: "premaster",
        ProgrammeKind.SCHAKELPROGRAMMA: "schakelprogramma",
        ProgrammeKind.AD_PEP: "Ad PEP",
        ProgrammeKind.TWEEDEGRAADS_BACHELOR: "tweedegraads bachelor",
        ProgrammeKind.KOPOPLEIDING: "kopopleiding",
        ProgrammeKind.HBO_MASTER_LERAAR: "hbo-master leraar",
        ProgrammeKind.EDUCATIEVE_MINOR: "educatieve minor",
        ProgrammeKind.EDUCATIEVE_MODULE: "Educatieve Module",
        ProgrammeKind.EDUCATIEVE_MASTER_1JR: "eenjarige educatieve master",
        ProgrammeKind.EDUCATIEVE_MASTER_2JR: "tweejarige educatieve master",
        ProgrammeKind.TRAINEES_IN_ONDERWIJS: "traineeship",
        ProgrammeKind.DEFICIENTIEPROGRAMMA: "deficiëntieprogramma",
        ProgrammeKind.PDG_TRAJECT: "PDG-traject",
        ProgrammeKind.TOELATINGSTOETS: "toelatingstoets",
        ProgrammeKind.GESCHIKTHEIDSONDERZOEK: "geschiktheidsonderzoek",
        ProgrammeKind.ORIENTATIE: "oriëntatie",
        ProgrammeKind.MAATWERKTRAJECT: "maatwerktraject",
    },
    "en": {
        ProgrammeKind.PABO: "pabo (primary teacher education)",
        ProgrammeKind.PABO_VERKORT: "shortened pabo",
        ProgrammeKind.ACADEMISCHE_PABO: "academic pabo",
        ProgrammeKind.PWPO: "PWPO (university bachelor, primary)",
        ProgrammeKind.EMPO: "EMPO (educational master, primary)",
        ProgrammeKind.MPABO: "MPabo",
        ProgrammeKind.ZIJ_INSTROOM: "side entry",
        ProgrammeKind.ACADEMISCHE_ZIJ_INSTROOM_PO: "academic side entry, primary",
        ProgrammeKind.PREMASTER: "pre-master",
        ProgrammeKind.SCHAKELPROGRAMMA: "bridging programme",
        ProgrammeKind.AD_PEP: "associate degree PEP",
        ProgrammeKind.TWEEDEGRAADS_BACHELOR: "second-degree bachelor",
        ProgrammeKind.KOPOPLEIDING: "one-year course after a related bachelor",
        ProgrammeKind.HBO_MASTER_LERAAR: "hbo master of education",
        ProgrammeKind.EDUCATIEVE_MINOR: "educational minor",
        ProgrammeKind.EDUCATIEVE_MODULE: "educational module",
        ProgrammeKind.EDUCATIEVE_MASTER_1JR: "one-year educational master",
        ProgrammeKind.EDUCATIEVE_MASTER_2JR: "two-year educational master",
        ProgrammeKind.TRAINEES_IN_ONDERWIJS: "traineeship",
        ProgrammeKind.DEFICIENTIEPROGRAMMA: "deficiency courses",
        ProgrammeKind.PDG_TRAJECT: "PDG programme",
        ProgrammeKind.TOELATINGSTOETS: "entry test",
        ProgrammeKind.GESCHIKTHEIDSONDERZOEK: "suitability assessment",
        ProgrammeKind.ORIENTATIE: "orientation",
        ProgrammeKind.MAATWERKTRAJECT: "tailored programme",
    },
}
"""Display names of the programme kinds, in Dutch and English (legends and CLI)."""

_QUALIFICATION_LABELS = {
    "nl": {
        QualificationKind.PO: "bevoegdheid po",
        QualificationKind.BEPERKT_TWEEDEGRAADS: "beperkt tweedegraads (vak)",
        QualificationKind.TWEEDEGRAADS: "tweedegraads (vak)",
        QualificationKind.EERSTEGRAADS: "eerstegraads (vak)",
        QualificationKind.PDG: "PDG (mbo)",
    },
    "en": {
        QualificationKind.PO: "primary qualification",
        QualificationKind.BEPERKT_TWEEDEGRAADS: "limited second degree (subject)",
        QualificationKind.TWEEDEGRAADS: "second degree (subject)",
        QualificationKind.EERSTEGRAADS: "first degree (subject)",
        QualificationKind.PDG: "PDG (mbo)",
    },
}
