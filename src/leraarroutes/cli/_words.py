"""The command's words in its two languages (internal): help, argparse's own messages, the error frame.

One run speaks one language: ``--lang`` when given, else ``en`` when the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``) starts with ``en``, else Dutch.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import os
from collections.abc import Iterator, Mapping, Sequence

LANGUAGES = ("nl", "en")


def run_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of this run: ``--lang`` on the command line, else the locale, else Dutch.

    >>> run_language(["routes", "--lang", "en"], {})
    'en'
    >>> run_language(["routes"], {"LANG": "en_GB.UTF-8"}), run_language(["routes"], {"LANG": "C.UTF-8"})
    ('en', 'nl')
    """
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if word.startswith("--lang=") and word.partition("=")[2] in LANGUAGES:
            return word.partition("=")[2]
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := env.get(name):
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


# Help for every argument, by a key the parser builder uses; the same keys in both languages.
HELP: dict[str, dict[str, str]] = {
    "nl": {
        "description": (
            "Routes naar een onderwijsbevoegdheid in Nederland: welke opleidingen, hoe lang, wat ze kosten."
        ),
        "epilog": "Hulp bij een opdracht: leraarroutes OPDRACHT --help. Engels: --lang en.",
        "version": "toon het versienummer en stop",
        "debug": "toon bij een fout de volledige traceback",
        "lang": "taal van hulp, meldingen en antwoorden: nl (standaard) of en",
        "command": "de opdracht",
        "catalogue": "de catalogus: alle opleidingen per sector en soort",
        "format": "uitvoer als tekst (standaard) of als JSON",
        "extra": "extra catalogusbestand (YAML, JSON of TOML); herhaal de optie voor meer bestanden",
        "validate": "controleer profiel- en catalogusbestanden en noem elke fout met zijn regel",
        "validate_files": "de bestanden; - is standaardinvoer",
        "kind": "wat de bestanden zijn: auto (standaard: afgeleid uit de inhoud), profile of catalogue",
        "check_catalogue": "toets de wetten van de catalogus, met de meegeleverde catalogus plus BESTANDen",
        "check_files": "extra catalogusbestanden om mee te toetsen",
        "as_of": "peildatum van de vraag, JJJJ-MM-DD (standaard: vandaag)",
        "examples": "aantal profielen dat per routewet wordt getrokken (standaard 50)",
        "schema": "print het JSON Schema van een bestandsformaat",
        "schema_name": "het formaat: profile of catalogue",
        "serve": 'de webpagina voor adviseurs en de JSON-API (vraagt "leraarroutes[web]")',
        "host": "adres om op te luisteren (standaard 127.0.0.1: alleen deze computer)",
        "port": "poort om op te luisteren (standaard 8000)",
        "completion": "print een script voor het aanvullen van opdrachten in de shell",
        "shell": "de shell: bash, zsh of tcsh",
        "batch": "routes voor elk profiel in een CSV-, JSON Lines- of Parquetbestand",
        "profiles": "profiles.csv, profiles.jsonl of profiles.parquet (parquet-extra); - is standaardinvoer",
        "batch_output": "routes.jsonl (in één keer vervangen); - is standaarduitvoer",
        "batch_target": "bevoegdheid of schooltype; zonder: elke bevoegdheid",
        "no_dedupe": "reken gelijke profielen opnieuw door",
        "jobs": "aantal werkprocessen (standaard 1); de uitvoer is dezelfde, in dezelfde volgorde",
        "quiet": "geen voortgang op stderr",
        "diagram": "teken een routeoverzicht of een persoonlijke routekaart",
        "diagram_name": "het overzicht, of persoonlijk voor de kaart van een profiel",
        "diagram_output": "BESTAND.svg, .png, .pdf, .dot of .mmd; - of weglaten: standaarduitvoer",
        "diagram_to": "formaat voor standaarduitvoer, of ter controle van het achtervoegsel (standaard dot)",
        "diagram_profile": "profielbestand, voor persoonlijk; - is standaardinvoer",
        "diagram_target": "bevoegdheid, voor persoonlijk",
        "diagram_limit": "persoonlijk: hoogstens N routes (met doel) of bevoegdheden (zonder); standaard 12",
        "page": "het papierformaat waarop de tekening past (standaard a4, liggend); alles blijft op ware grootte"
        " behalve als .pdf",
        "dpi": "pixels per inch van een .png (36-600, standaard 96)",
        "advies": "een afdrukbaar adviesblad (HTML, of PDF via chromium)",
        "profile": "profielbestand (YAML, JSON of TOML); - is standaardinvoer",
        "advies_target": "bevoegdheid of schooltype; standaard: elke bevoegdheid",
        "advies_output": "advies.html of advies.pdf; - is standaarduitvoer",
        "advies_to": "html of pdf, voor standaarduitvoer (standaard html)",
        "routes": "elke route van een profiel naar een bevoegdheid",
        "target": "bevoegdheid, zoals eerstegraads:natuurkunde, of een schooltype, zoals vmbo of havo-bovenbouw;"
        " hoofdletters maken niet uit",
        "sort": "volgorde van de routes (standaard months: de kortste eerst)",
        "pareto": "alleen routes die geen andere route op elk cijfer verslaat",
        "limit": "hoogstens zoveel routes",
        "all": "zonder --target: elke route, niet het gegroepeerde antwoord (hoogstens 3 per bevoegdheid)",
        "degree": "zoek een opleiding op in het register: CROHO-code, naam, niveau, sector",
        "query": 'een naam of een deel ervan, zoals "psychologie"',
        "level": "alleen opleidingen van dit niveau",
        "degree_limit": "hoogstens zoveel opleidingen (standaard 10)",
        "explain": "waarom opleidingen naar een doel dicht zijn, en wat ze zou openen",
        "explain_target": "bevoegdheid, zoals eerstegraads:natuurkunde",
        "province": "alleen aanbod in deze provincie",
        "near": "alleen aanbod bij deze plaats",
        "within_km": "afstand voor --near in km (standaard 30)",
        "provider": "alleen aanbod van deze instelling",
        "form": "reken in deze studievorm en houd het aanbod in die vorm (standaard: voltijd, deeltijd met een baan)",
    },
    "en": {
        "description": (
            "Routes to a teaching qualification in the Netherlands: which programmes, how long, what they cost."
        ),
        "epilog": "Help on a command: leraarroutes COMMAND --help. Dutch: --lang nl.",
        "version": "show the version number and exit",
        "debug": "show the full traceback of an error",
        "lang": "language of help, messages and answers: nl (default) or en",
        "command": "the command",
        "catalogue": "list the catalogue, grouped by sector and kind",
        "format": "output as text (default) or as JSON",
        "extra": "an extra catalogue file (YAML, JSON or TOML); repeat the option for more files",
        "validate": "check profile and catalogue files and name every mistake at its line",
        "validate_files": "the files; - is standard input",
        "kind": "what the files are: auto (default: told from their content), profile or catalogue",
        "check_catalogue": "run the catalogue's laws against the shipped catalogue plus FILEs",
        "check_files": "extra catalogue files to check with it",
        "as_of": "date of the question, YYYY-MM-DD (default: today)",
        "examples": "profiles drawn for each route law (default 50)",
        "schema": "print the JSON Schema of a file format",
        "schema_name": "the format: profile or catalogue",
        "serve": 'the adviser\'s web page and the JSON API (needs "leraarroutes[web]")',
        "host": "address to listen on (default 127.0.0.1: this machine only)",
        "port": "port to listen on (default 8000)",
        "completion": "print a shell completion script",
        "shell": "the shell: bash, zsh or tcsh",
        "batch": "routes for every profile in a CSV, JSON Lines or Parquet file",
        "profiles": "profiles.csv, profiles.jsonl or profiles.parquet (parquet extra); - is standard input",
        "batch_output": "routes.jsonl (replaced whole); - is standard output",
        "batch_target": "qualification or school type; without: every qualification",
        "no_dedupe": "evaluate equal profiles again",
        "jobs": "worker processes (default 1); the output is the same and in the same order",
        "quiet": "no progress on stderr",
        "diagram": "draw a route overview or a personal route map",
        "diagram_name": "the overview, or persoonlijk for a profile's own map",
        "diagram_output": "FILE.svg, .png, .pdf, .dot or .mmd; - or none: standard output",
        "diagram_to": "format on standard output, or a check of the suffix (default dot)",
        "diagram_profile": "profile file, for persoonlijk; - is standard input",
        "diagram_target": "qualification, for persoonlijk",
        "diagram_limit": "persoonlijk: at most N routes (with a target) or qualifications (without); default 12",
        "page": "the page the drawing is fitted to (default a4, landscape); alles stays full size except as .pdf",
        "dpi": "pixels per inch of a .png (36-600, default 96)",
        "advies": "a printable advice sheet (HTML, or PDF through chromium)",
        "profile": "profile file (YAML, JSON or TOML); - is standard input",
        "advies_target": "qualification or school type; default: every qualification",
        "advies_output": "advies.html or advies.pdf; - is standard output",
        "advies_to": "html or pdf, for standard output (default html)",
        "routes": "every route from a profile to a qualification",
        "target": "qualification, such as eerstegraads:natuurkunde, or a school type, such as vmbo or havo-bovenbouw;"
        " case does not matter",
        "sort": "order of the routes (default months: the shortest first)",
        "pareto": "only routes no other route beats on every figure",
        "limit": "at most this many routes",
        "all": "without --target: every route, not the grouped answer (at most 3 routes per qualification)",
        "degree": "look up a degree programme in the register: CROHO code, name, level, sector",
        "query": 'a name or part of one, such as "psychologie"',
        "level": "only programmes of this level",
        "degree_limit": "at most this many programmes (default 10)",
        "explain": "why programmes towards a target are closed, and what would open them",
        "explain_target": "qualification, such as eerstegraads:natuurkunde",
        "province": "only offerings in this province",
        "near": "only offerings near this place (a city)",
        "within_km": "distance for --near in km (default 30)",
        "provider": "only offerings of this institution",
        "form": "reckon in this study form and keep the offerings given in it (default: voltijd, deeltijd with a job)",
    },
}

# The frame around every message of the command.
FRAME: dict[str, dict[str, str]] = {
    "nl": {
        "error": "fout",
        "profile": "profiel",
        "warning": "waarschuwing",
        "interrupted": "onderbroken",
        "terminated": "beëindigd",
        "cannot_write": "kan de uitvoer niet schrijven",
        "stdout_closed": "standaarduitvoer is gesloten",
        "profiles_done": "{count} profielen klaar -> {name}",
        "profiles": "{count} profielen",
        "future_diploma": "{file}: {what} behaald in {year}, na de peildatum {day}: klopt het jaar?",
        "stdin_once": "standaardinvoer (-) kan maar één keer gelezen worden",
        "listening": "luistert op {host}: andere computers kunnen de pagina bereiken; zet hem achter een proxy met TLS",
    },
    "en": {
        "error": "error",
        "profile": "profile",
        "warning": "warning",
        "interrupted": "interrupted",
        "terminated": "terminated",
        "cannot_write": "cannot write the output",
        "stdout_closed": "standard output is closed",
        "profiles_done": "{count} profiles done -> {name}",
        "profiles": "{count} profiles",
        "future_diploma": "{file}: {what} obtained in {year}, after the question's date {day}: is the year right?",
        "stdin_once": "standard input (-) can be read only once",
        "listening": "listening on {host}: other machines can reach the page; put it behind a proxy with TLS",
    },
}

# argparse's own texts (Python 3.11-3.13), in Dutch; a text not listed stays as argparse writes it.
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet samen met argument %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "unexpected option string: %s": "onverwachte optie: %s",
}

# the words of our own argument types, in both languages
TYPES: dict[str, dict[str, str]] = {
    "nl": {
        "date": "verwacht een datum als JJJJ-MM-DD, niet {text!r}",
        "whole": "verwacht een geheel getal, niet {text!r}",
        "positive": "verwacht een getal van 1 of meer, niet {number}",
        "target_subject": "{kind} hoort bij een vak: {kind}:VAK, zoals {kind}:wiskunde (leraarroutes catalogue"
        " noemt de vakken)",
        "target_kind": "onbekend doel {text!r}; kies een bevoegdheid ({kinds}) of een schooltype ({schools}){hint}",
        "did_you_mean": "; bedoel je {names}?",
    },
    "en": {
        "date": "expected a date as YYYY-MM-DD, not {text!r}",
        "whole": "expected a whole number, not {text!r}",
        "positive": "expected a number of 1 or more, not {number}",
        "target_subject": "{kind} goes with a subject: {kind}:SUBJECT, such as {kind}:wiskunde (leraarroutes"
        " catalogue lists the subjects)",
        "target_kind": "unknown target {text!r}; give a qualification ({kinds}) or a school type ({schools}){hint}",
        "did_you_mean": "; did you mean {names}?",
    },
}


@contextlib.contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """The words argparse writes itself (usage, errors) in ``lang`` while the block runs."""
    if lang != "nl":
        yield
        return
    original = argparse._  # type: ignore[attr-defined]  # argparse looks its texts up through this name

    def dutch(text: str) -> str:
        return _ARGPARSE_NL.get(text, gettext.gettext(text))

    argparse._ = dutch  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


# The phrases the library's messages are made of, in Dutch: the command translates them phrase by
# phrase, so the names, values and places inside a message stay exactly as written. A message
# built from phrases not listed here keeps its English wording.
_PHRASES_NL = (
    ("required field missing", "verplicht veld ontbreekt"),
    ("unknown fields ", "onbekende velden "),
    ("unknown field ", "onbekend veld "),
    ("; valid fields: ", "; geldige velden: "),
    ("invalid value ", "ongeldige waarde "),
    ("; valid choices: ", "; geldig: "),
    ("; valid kinds: ", "; geldige soorten: "),
    ("; valid: ", "; geldig: "),
    ("; did you mean ", "; bedoel je "),
    ("expected a date as YYYY-MM-DD, got ", "verwacht een datum als JJJJ-MM-DD, niet "),
    ("expected a mapping with fields ", "verwacht een mapping met de velden "),
    ("expected a list, got ", "verwacht een lijst, niet "),
    ("expected a text, got ", "verwacht een tekst, niet "),
    ("expected a whole number, got ", "verwacht een geheel getal, niet "),
    ("expected a number, got ", "verwacht een getal, niet "),
    ("expected true or false, got ", "verwacht true of false, niet "),
    ("no such file", "bestand bestaat niet"),
    ("is a directory, not a file", "is een map, geen bestand"),
    ("cannot read: ", "kan niet lezen: "),
    ("not UTF-8 text at column ", "geen UTF-8-tekst in kolom "),
    ("not valid YAML", "geen geldige YAML"),
    ("not valid JSON", "geen geldige JSON"),
    ("not valid TOML", "geen geldige TOML"),
    ("not valid CSV", "geen geldige CSV"),
    ("unknown subject ", "onbekend vak "),
    ("unknown programme ", "onbekende opleiding "),
    ("unknown qualification kind ", "onbekende soort bevoegdheid "),
    ("the file holds no profile", "het bestand bevat geen profiel"),
    ("refusing to write over an input file", "schrijft niet over een invoerbestand heen"),
    ("cannot write here: ", "kan hier niet schrijven: "),
    ("cannot write: ", "kan niet schrijven: "),
    ("got int ", "kreeg int "),
    ("got str ", "kreeg str "),
)


def message(text: str, lang: str) -> str:
    """A library message in the run's language, phrase by phrase (names and values stay as written).

    >>> message("$.level: invalid value 'hbo'; valid choices: vwo, havo; did you mean 'havo'?", "nl")
    "$.level: ongeldige waarde 'hbo'; geldig: vwo, havo; bedoel je 'havo'?"
    >>> message("no such file", "en")
    'no such file'
    """
    if lang != "nl":
        return text
    for english, dutch in _PHRASES_NL:
        text = text.replace(english, dutch)
    return text
