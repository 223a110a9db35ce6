"""The words of the diagrams, in Dutch and English: headings, programme kinds, qualifications."""

from __future__ import annotations

from leraarroutes.catalogue.programmes import ProgrammeKind
from leraarroutes.engine.routes import Route
from leraarroutes.model.qualifications import QualificationKind, SchoolSetting

OVERVIEWS = (
    "academische-po-routes",
    "academische-vo-routes",
    "academische-routes",
    "po",
    "vo",
    "mbo",
    "alles",
)
"""The named overviews :func:`~leraarroutes.diagrams.overviews.to_digraph` draws."""


_WORDS = {
    "nl": {
        "start": "Vooropleiding",
        "qualifications": "Bevoegdheid",
        "legend": "Legenda",
        "po": "Primair onderwijs",
        "vo": "Voortgezet onderwijs",
        "mbo": "Mbo",
        "per_subject": "per vak ({n})",
        "per_subject_note": "per vak (n): één opleiding per schoolvak, n vakken",
        "lines_note": "doorgetrokken: open; gestreept: als een voorwaarde uitkomt; gestippeld: niet toegankelijk",
        "months": "mnd",
        "job": "baan op een school",
        "you": "Jij",
        "blocked": "niet toegankelijk",
        "closed": "Niet toegankelijk ({n}):",
        "studying": "student {level}",
        "held": "al {q}",
        "as_of": "stand op {day}",
        "source": "bron: leraarroutes {version}, catalogus {catalogue}",
        "screen_only": "op ware grootte, voor het scherm; als pdf één pagina per sector",
        "part": "{whole}, deel {n} van {total}: {part}",
        "personal": "Routekaart: {who}",
        "who": "jouw routes",
        "to": "naar {target}",
        "limit": "de eerste {shown} van {total} routes in rangorde",
        "limit_groups": (
            "de beste route naar {shown} van de {total} bevoegdheden, open eerst;"
            " kies een bevoegdheid voor alle routes ernaartoe"
        ),
    },
    "en": {
        "start": "Prior education",
        "qualifications": "Qualification",
        "legend": "Legend",
        "po": "Primary education",
        "vo": "Secondary education",
        "mbo": "Vocational (mbo)",
        "per_subject": "per subject ({n})",
        "per_subject_note": "per subject (n): one programme per school subject, n subjects",
        "lines_note": "solid: open; dashed: if a condition holds; dotted: not open",
        "months": "mo",
        "job": "a job at a school",
        "you": "You",
        "blocked": "not open",
        "closed": "Not open to you ({n}):",
        "studying": "{level} student",
        "held": "already {q}",
        "as_of": "as of {day}",
        "source": "source: leraarroutes {version}, catalogue {catalogue}",
        "screen_only": "full size, for a screen; as a PDF one page per sector",
        "part": "{whole}, part {n} of {total}: {part}",
        "personal": "Route map: {who}",
        "who": "your routes",
        "to": "to {target}",
        "limit": "the first {shown} of {total} routes by rank",
        "limit_groups": (
            "the best route to {shown} of the {total} qualifications, open ones first;"
            " choose a qualification for every route to it"
        ),
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
        ProgrammeKind.KUNSTVAKDOCENT_BACHELOR: "kunstvakdocentenopleiding",
        ProgrammeKind.ALO: "ALO (lichamelijke opvoeding)",
        ProgrammeKind.AD_ONDERWIJS: "Ad in het onderwijs",
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
        ProgrammeKind.KUNSTVAKDOCENT_BACHELOR: "arts teacher education",
        ProgrammeKind.ALO: "ALO (physical education)",
        ProgrammeKind.AD_ONDERWIJS: "Ad in education",
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


OVERVIEW_TITLES = {
    "nl": {
        "academische-po-routes": "Routes via een universiteit (wo) naar een bevoegdheid voor het primair onderwijs",
        "academische-vo-routes": "Routes via een universiteit (wo) naar een bevoegdheid voor het voortgezet onderwijs",
        "academische-routes": "Routes via een universiteit (wo) naar een lesbevoegdheid",
        "po": "Routes naar een bevoegdheid voor het primair onderwijs",
        "vo": "Routes naar een bevoegdheid voor het voortgezet onderwijs",
        "mbo": "Routes naar een bevoegdheid voor het mbo",
        "alles": "Alle routes naar een lesbevoegdheid",
    },
    "en": {
        "academische-po-routes": "Routes through a university (wo) to a primary-school qualification",
        "academische-vo-routes": "Routes through a university (wo) to a secondary-school qualification",
        "academische-routes": "Routes through a university (wo) to a teaching qualification",
        "po": "Routes to a primary-school qualification",
        "vo": "Routes to a secondary-school qualification",
        "mbo": "Routes to a qualification for mbo",
        "alles": "Every route to a teaching qualification",
    },
}
"""The title in words of each overview, for the page."""


SETTING_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        SchoolSetting.BASISONDERWIJS.value: "basisonderwijs",
        SchoolSetting.SPECIAAL_BASISONDERWIJS.value: "speciaal basisonderwijs",
        SchoolSetting.SPECIAAL_ONDERWIJS.value: "speciaal onderwijs",
        SchoolSetting.VOORTGEZET_SPECIAAL_ONDERWIJS.value: "voortgezet speciaal onderwijs",
        SchoolSetting.PRAKTIJKONDERWIJS.value: "praktijkonderwijs",
        SchoolSetting.VMBO.value: "vmbo",
        SchoolSetting.VMBO_TL.value: "vmbo-tl",
        SchoolSetting.ONDERBOUW_HAVO_VWO.value: "onderbouw havo/vwo",
        SchoolSetting.BOVENBOUW_HAVO_VWO.value: "bovenbouw havo/vwo",
        SchoolSetting.MBO.value: "mbo",
        SchoolSetting.VAVO.value: "vavo",
        SchoolSetting.PO_MATCHING_SUBJECT.value: "het eigen vak in het basisonderwijs",
    },
    "en": {
        SchoolSetting.BASISONDERWIJS.value: "primary school",
        SchoolSetting.SPECIAAL_BASISONDERWIJS.value: "special primary school",
        SchoolSetting.SPECIAAL_ONDERWIJS.value: "special school",
        SchoolSetting.VOORTGEZET_SPECIAAL_ONDERWIJS.value: "special secondary school",
        SchoolSetting.PRAKTIJKONDERWIJS.value: "praktijkonderwijs",
        SchoolSetting.VMBO.value: "vmbo",
        SchoolSetting.VMBO_TL.value: "vmbo-tl",
        SchoolSetting.ONDERBOUW_HAVO_VWO.value: "lower havo/vwo",
        SchoolSetting.BOVENBOUW_HAVO_VWO.value: "upper havo/vwo",
        SchoolSetting.MBO.value: "mbo",
        SchoolSetting.VAVO.value: "vavo",
        SchoolSetting.PO_MATCHING_SUBJECT.value: "your subject in primary school",
    },
}
"""The school settings a qualification's scope names, in words."""


_FIGURE_WORDS = {"nl": ("maanden", "onbekend"), "en": ("months", "unknown")}


def route_figures(route: Route, lang: str = "nl") -> str:
    """A route's duration (in its form), EC and cost on one line, unknowns said as unknown.

    >>> import datetime as dt
    >>> from leraarroutes import Diploma, Level, Profile, find_routes, load_catalogue
    >>> havist = Profile(diplomas=(Diploma(level=Level.HAVO),))
    >>> route_figures(find_routes(load_catalogue(), havist, "po", as_of=dt.date(2024, 1, 1))[0])
    '48 maanden voltijd, 240 EC, € 10.120'
    """
    months_word, unknown = _FIGURE_WORDS[lang]
    months = unknown if route.months is None else f"{'≥ ' if route.months_unknown else ''}{route.months}"
    if route.months_max and not route.months_unknown:
        months = f"{route.months}-{route.months_max}"
    parts = [f"{months} {months_word}" + (f" {route.form}" if route.form else "")]
    parts.append("EC " + unknown if route.ec is None else f"{'≥ ' if route.ec_unknown else ''}{route.ec} EC")
    parts.append("€ " + unknown if route.cost_eur is None else f"€ {route.cost_eur:,}".replace(",", "."))
    return ", ".join(parts)
