"""Build the package's register and provider-offering files from the higher-education register.

Reads the register extract (``degrees.jsonl``, ``offerings.jsonl``; see its README), the
consolidated texts of the verwantschapstabel (for the names and CROHO codes of university
bachelors the extract lacks) and two curated files beside this script
(``register/aanvullingen.yaml``: teacher education the extract lacks, from the institutions' pages;
``register/uitgesloten.yaml``: codes deliberately not offered). Writes, deterministically:

- ``src/leraarroutes/register/data/degrees.json``: every degree programme, one row per CROHO code;
- ``src/leraarroutes/catalogue/data/aanbod.json``: a catalogue file with the offerings of the
  teacher-education programmes, per institution and place.

Run from the repository root::

    python tools/import_register.py [--shared ../shared] [--check]

``--check`` writes nothing and exits 1 when the committed files differ from what it would write.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import verwantschapstabel  # beside this script, not a package

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
DEGREES_OUT = ROOT / "src/leraarroutes/register/data/degrees.json"
REGISTER_RETRIEVED = "2025-02"
"""When the register export was read (its README gives the month, not the day)."""
OFFERS_OUT = ROOT / "src/leraarroutes/catalogue/data/aanbod.json"
TABLE_OUT = ROOT / "src/leraarroutes/catalogue/data/verwantschapstabel.json"
# The day each consolidated text took effect; the 2010 regulation worked back to 1 August 2010 (art. 4).
TEXT_DATES = {"2010-09-02": "2010-08-01", "2012-06-08": "2012-06-08", "2015-10-02": "2015-10-02"}

REGISTER_SOURCE = (
    "HOVI-export (Hoger Onderwijs Voorlichtingsinformatie), februari 2025, zoals opgeslagen in "
    "onderwijsin/navigator-data-generator (commit 720272c196d21ac92ba2f772784d5042e421f87a)"
)
REGISTER_URL = (
    "https://github.com/onderwijsin/navigator-data-generator/tree/720272c196d21ac92ba2f772784d5042e421f87a/output/hovi"
)
TABLE_URLS = {
    "2010-09-02": "https://github.com/statengeneraal/laws-markdown/blob/e4a14ee077/ministeriele-regeling/regeling/verwantschapstabel/educatieve/minor/BWBR0028148/README.md",
    "2012-06-08": "https://github.com/statengeneraal/laws-markdown/blob/426361df89c14de9b8caa9865c497ae167a68d0d/ministeriele-regeling/regeling/verwantschapstabel/educatieve/minor/BWBR0028148/README.md",
    "2015-10-02": "https://github.com/statengeneraal/laws-markdown/blob/d2772656a97ede1bd992650d3f3f0aee32dc14f8/ministeriele-regeling/regeling/verwantschapstabel/educatieve/minor/BWBR0028148/README.md",
}

# The teacher-education codes whose offerings the catalogue takes, and the programme and school
# subject each stands for (None: the programme is not per subject). Codes of several subjects
# (the university masters) are resolved from the institution's title, below.
CODES: dict[str, tuple[str, str | None]] = {
    "34808": ("pabo", None),
    "35144": ("tweedegraads-bachelor", "fries"),
    "35193": ("tweedegraads-bachelor", "duits"),
    "35195": ("tweedegraads-bachelor", "engels"),
    "35196": ("tweedegraads-bachelor", "frans"),
    "35197": ("tweedegraads-bachelor", "geschiedenis"),
    "35198": ("tweedegraads-bachelor", "nederlands"),
    "35199": ("tweedegraads-bachelor", "scheikunde"),
    "35201": ("tweedegraads-bachelor", "aardrijkskunde"),
    "35202": ("tweedegraads-bachelor", "economie"),
    "35203": ("tweedegraads-bachelor", "bedrijfseconomie"),
    "35204": ("tweedegraads-bachelor", "pedagogiek"),
    "35207": ("tweedegraads-bachelor", "economie"),
    "35208": ("tweedegraads-bachelor", "mens-en-technologie"),
    "35210": ("tweedegraads-bachelor", "technisch-beroepsonderwijs"),
    "35221": ("tweedegraads-bachelor", "wiskunde"),
    "35254": ("tweedegraads-bachelor", "techniek"),
    "35255": ("tweedegraads-bachelor", "spaans"),
    "35261": ("tweedegraads-bachelor", "natuurkunde"),
    "35301": ("tweedegraads-bachelor", "biologie"),
    "35381": ("tweedegraads-bachelor", "verzorging-huishoudkunde"),
    "35388": ("tweedegraads-bachelor", "gezondheidszorg-en-welzijn"),
    "35401": ("tweedegraads-bachelor", "verzorging-gezondheidskunde"),
    "35411": ("tweedegraads-bachelor", "maatschappijleer"),
    "35421": ("tweedegraads-bachelor", "omgangskunde"),
    "35423": ("tweedegraads-bachelor", "consumptieve-techniek"),
    "35441": ("tweedegraads-bachelor", "godsdienst-levensbeschouwing"),
    "39113": ("tweedegraads-bachelor", "beeldende-kunst-en-vormgeving"),
    "34899": ("tweedegraads-bachelor", "groen"),
    "39301": ("tweedegraads-bachelor", "dienstverlening-en-producten"),
    "45262": ("hbo-master-leraar", "engels"),
    "45263": ("hbo-master-leraar", "wiskunde"),
    "45264": ("hbo-master-leraar", "aardrijkskunde"),
    "45265": ("hbo-master-leraar", "duits"),
    "45266": ("hbo-master-leraar", "frans"),
    "45267": ("hbo-master-leraar", "geschiedenis"),
    "45268": ("hbo-master-leraar", "maatschappijleer"),
    "45269": ("hbo-master-leraar", "nederlands"),
    "45271": ("hbo-master-leraar", "bedrijfseconomie"),
    "45272": ("hbo-master-leraar", "natuurkunde"),
    "45273": ("hbo-master-leraar", "scheikunde"),
    "45274": ("hbo-master-leraar", "godsdienst-levensbeschouwing"),
    "45275": ("hbo-master-leraar", "economie"),
    "45276": ("hbo-master-leraar", "fries"),
    "45279": ("hbo-master-leraar", "biologie"),
    "35025": ("alo", None),
    "39100": ("kunstvakdocent-bachelor", "beeldende-kunst-en-vormgeving"),
    "39112": ("kunstvakdocent-bachelor", "muziek"),
    "34940": ("kunstvakdocent-bachelor", "dans"),
    "34745": ("kunstvakdocent-bachelor", "drama"),
    "59329": ("pwpo", None),
    "60979": ("empo-eur", None),
    "65026": ("empo", None),
    "80142": ("ad-pep", None),
    "80045": ("ad-educatief-professional", None),
    "80052": ("ad-educatief-professional", None),
    "80060": ("ad-educatief-professional", None),
    "80098": ("ad-educatief-professional", None),
    "80166": ("ad-educatief-professional", None),
    "80167": ("ad-educatief-professional", None),
}
# The short names institutions use for these programmes in their own titles ("Pabo HvA", "HALO").
SHORT_NAMES: dict[int, list[str]] = {
    34808: ["Pabo", "Lerarenopleiding basisonderwijs", "Leraar basisonderwijs"],
    35025: ["ALO", "Leraar Lichamelijke Opvoeding", "Academie voor Lichamelijke Opvoeding"],
}
FAMILY_PROGRAMMES = {"educatieve-master-1jr", "educatieve-master-2jr"}
UNIVERSITY_CODES = {"68075", "68404", "68532", "68533", "68534", "68535", "68536", "69345"}

# School subjects as the institutions write them in a title, most specific first.
TITLE_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("kunstgeschiedenis", "kunstvakken"),
    ("technisch beroepsonderwijs", "technisch-beroepsonderwijs"),
    ("gezondheidszorg en welzijn", "gezondheidszorg-en-welzijn"),
    ("omgangskunde", "omgangskunde"),
    ("pedagogiek", "pedagogiek"),
    ("maatschappijleer", "maatschappijleer"),
    ("maatschappijwetenschappen", "maatschappijleer"),
    ("godsdienst", "godsdienst-levensbeschouwing"),
    ("levensbeschouwing", "godsdienst-levensbeschouwing"),
    ("bedrijfseconomie", "bedrijfseconomie"),
    ("algemene economie", "economie"),
    ("economie", "economie"),
    ("aardrijkskunde", "aardrijkskunde"),
    ("geschiedenis", "geschiedenis"),
    ("filosofie", "filosofie"),
    ("griek", "klassieke-talen"),
    ("nederlands", "nederlands"),
    ("engels", "engels"),
    ("duits", "duits"),
    ("frans", "frans"),
    ("spaans", "spaans"),
    ("biologie", "biologie"),
    ("natuurkunde", "natuurkunde"),
    ("scheikunde", "scheikunde"),
    ("wiskunde", "wiskunde"),
    ("informatica", "informatica"),
    ("o&o", "onderzoeken-en-ontwerpen"),
)


def fold(text: str) -> str:
    """Lower case without accents, for comparing titles."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The names of the code families: a title that only names its family names no subject.
FAMILIES = ("mens- en maatschappijwetenschappen", "taal- en cultuurwetenschappen", "betawetenschappen")


def title_subjects(title: str) -> list[str]:
    """The school subjects a title names (one, normally), or none for a title of a whole family."""
    text = fold(title)
    for family in FAMILIES:
        text = text.replace(family, " ")
    found: list[str] = []
    for word, subject in TITLE_SUBJECTS:
        if word in text:
            text = text.replace(word, " ")  # "kunstgeschiedenis" is no "geschiedenis" too
            if subject not in found:
                found.append(subject)
    return found


def university_programme(code: str, title: str, ec: int | None) -> str:
    """One- or two-year university teacher education, from the title first, then the EC."""
    text = fold(title)
    if code == "68075":  # Tilburg's eerstegraads G&L: 120 EC, two years
        return "educatieve-master-2jr"
    two_year = "tweejarig" in text or "2-jaar" in text or ("educatieve master" in text and "post-master" not in text)
    if two_year and "eenjarig" not in text:
        return "educatieve-master-2jr"
    if "eenjarig" in text or "1-jarig" in text or "post-master" in text or "lerarenopleiding" in text:
        return "educatieve-master-1jr"
    if code in {"68532", "68536", "69345", "68075"} or ec == 120:
        return "educatieve-master-2jr"
    return "educatieve-master-1jr"


def classify(offer: dict[str, Any]) -> tuple[str, list[str]] | None:
    """The catalogue programme and subjects of one register offering, or None when not taken."""
    code, title = offer["croho"], offer["title"]
    text = fold(title)
    if code in UNIVERSITY_CODES:
        if text.strip() == "science communication" or text.strip() == "science education and communication":
            return None  # the master's communication track, not teacher education
        return university_programme(code, title, offer["ec"]), title_subjects(title)
    if code not in CODES:
        return None
    programme, subject = CODES[code]
    if programme == "pabo":
        if "alo" in text.split() or "halo" in text or "zij-instroom" in text:
            return None  # the pabo-ALO double programme and zij-instroom are other routes
        if "academische" in text or "alpo" in text or "aolb" in text or "universitaire" in text:
            return "academische-pabo", []
        if "verkort" in text and "vwo" in text:
            return "pabo-verkort-vwo", []
        if "verkort" in text:
            return "pabo-verkort", []
        if "ad dep" in text or "van de ad" in text:
            return "pabo-deeltijd-na-ad", []
        return "pabo", []
    if programme == "alo" and "pabo" in text:
        return None  # the ALO-pabo double programme
    if programme in ("tweedegraads-bachelor", "hbo-master-leraar") and ("kop" in text or "verkort" in text):
        named = title_subjects(offer["title"])  # the title names the subject (HvA files TBO under M&T)
        return "kopopleiding", named[:1] or ([subject] if subject else [])
    named = title_subjects(offer["title"])
    if subject and len(named) == 1:  # the title's one subject wins (HvA gives TBO under the M&T code)
        return programme, named
    return programme, [subject] if subject else []


def place_of(offers: list[dict[str, Any]]) -> dict[str, tuple[float, float, str]]:
    """Per city: the mean coordinates of the register's offerings there, and the province."""
    points: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for o in offers:
        if o["lat"] is not None and o["lon"] is not None and o["city"]:
            points[o["city"]].append((o["lat"], o["lon"], o["province"]))
    return {
        city: (
            round(statistics.fmean(p[0] for p in pts), 5),
            round(statistics.fmean(p[1] for p in pts), 5),
            max({p[2] for p in pts}, key=[p[2] for p in pts].count),
        )
        for city, pts in points.items()
    }


def tuition(offer: dict[str, Any]) -> list[dict[str, Any]]:
    """The legal tuition per academic year, one amount per year (the statutory one where several)."""
    if offer.get("financing") != "government":
        return []
    per_year: dict[int, list[int]] = defaultdict(list)
    for fee in offer["tuition_fees"]:
        if fee["type"] == "legal" and fee["period"] == "year":
            per_year[int(fee["year"])].append(int(fee["eur"]))
    # several "legal" amounts in one year: the highest is the statutory fee, the others reduced ones
    return [{"year": year, "eur": max(amounts)} for year, amounts in sorted(per_year.items())]


def page(urls: list[str]) -> str | None:
    """The offering's own page; an address written without its scheme gets https://."""
    for url in urls:
        if url.startswith(("https://", "http://")):
            return url
        if url.startswith("www."):
            return f"https://{url}"
    return None


def offering_row(offer: dict[str, Any], programme: str, subjects: list[str]) -> dict[str, Any]:
    """One register offering as a row of the catalogue file, without empty fields."""
    row: dict[str, Any] = {
        "programme": programme,
        "subjects": subjects,
        "institution": offer["institution"],
        "brin": offer["brin"],
        "city": offer["city"],
        "province": offer["province"],
        "lat": None if offer["lat"] is None else round(offer["lat"], 5),
        "lon": None if offer["lon"] is None else round(offer["lon"], 5),
        "croho": int(offer["croho"]),
        "title": " ".join(offer["title"].split()) or offer["croho_name"],
        "forms": sorted(offer["forms"]),
        "starts": sorted(offer["starts"]),
        "numerus_fixus": bool(offer["numerus_fixus"]),
        "tuition": tuition(offer),
        "url": page(offer["urls"]),
        "source": "register",
    }
    return {k: v for k, v in row.items() if v not in (None, [], False) or k == "subjects"}


def table_texts(history: Path) -> dict[str, list[verwantschapstabel.Row]]:
    """The rows of each consolidated text, by the text's date."""
    return {f.stem: verwantschapstabel.parse(f.read_text(encoding="utf-8")) for f in sorted(history.glob("*.md"))}


def table_degrees(texts: dict[str, list[verwantschapstabel.Row]]) -> dict[int, list[str]]:
    """Per CROHO code the names the texts give it, the newest first."""
    names: dict[int, list[str]] = defaultdict(list)
    for date in sorted(texts, reverse=True):
        for row in texts[date]:
            if row.name not in names[row.croho]:
                names[row.croho].append(row.name)
    return names


def dated_rows(texts: dict[str, list[verwantschapstabel.Row]]) -> list[dict[str, Any]]:
    """The table's rows, each valid from the first text that has it until the first that drops it."""
    notes = yaml.safe_load((HERE / "register" / "verwantschap-noten.yaml").read_text(encoding="utf-8"))["notes"]
    dates = sorted(texts)
    spans: dict[tuple[int, str, tuple[str, ...], str], list[str]] = {}
    names: dict[tuple[int, str, tuple[str, ...], str], str] = {}
    order: dict[tuple[int, str, tuple[str, ...], str], tuple[int, int]] = {}
    for i, date in enumerate(dates):
        for n, row in enumerate(texts[date]):
            key = (row.croho, row.subject, tuple(row.universities), row.name)
            spans.setdefault(key, []).append(date)
            names[key] = row.name
            order.setdefault(key, (i, n))
    rows = []
    for key in sorted(spans, key=lambda k: (k[1], order[k])):
        indexes = [dates.index(d) for d in spans[key]]
        runs: list[list[int]] = []
        for i in indexes:  # a row that leaves a text and comes back is two rows, each with its dates
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            row: dict[str, Any] = {
                "table": "minor-module",
                "programme": names[key],
                "croho": key[0],
                "level": "wo-bachelor",
                "universities": list(key[2]),
                "subject": key[1],
                "valid_from": TEXT_DATES[dates[run[0]]],
            }
            if run[-1] + 1 < len(dates):
                row["valid_until"] = TEXT_DATES[dates[run[-1] + 1]]
            note = notes.get(f"{key[0]} {key[1]}")
            if note:
                row["note"] = note
            rows.append({k: v for k, v in row.items() if v != []})
    return rows


def build(shared: Path) -> tuple[str, str, str]:
    """The texts of the three generated files, from the folder holding ``data/`` and ``sources/``."""
    register = shared / "data" / "ho-register"
    degrees = [json.loads(line) for line in (register / "degrees.jsonl").read_text(encoding="utf-8").splitlines()]
    offers = [json.loads(line) for line in (register / "offerings.jsonl").read_text(encoding="utf-8").splitlines()]
    kinds: dict[str, set[str]] = defaultdict(set)
    for o in offers:
        kinds[o["croho"]].add(o["institution_type"])
    rows = []
    for d in sorted(degrees, key=lambda d: int(d["croho"])):
        university = kinds[d["croho"]] == {"universiteit"}
        level = {
            "associate": "ad",
            "bachelor": "wo-bachelor" if university else "hbo-bachelor",
            "master": "wo-master" if university else "hbo-master",
        }[d["level"]]
        rows.append([int(d["croho"]), d["name"], level, d["sector"], d["ec"], sorted(d["institutions"]), "register"])
    texts = table_texts(shared / "sources" / "verwantschapstabel-history")
    table_names = table_degrees(texts)
    known = {r[0] for r in rows}
    for code, names in sorted(table_names.items()):
        if code not in known:
            rows.append([code, names[0], "wo-bachelor", None, None, [], "verwantschapstabel"])
    rows.sort(key=lambda r: r[0])
    titles: dict[str, set[str]] = defaultdict(set)
    for o in offers:
        titles[o["croho"]].add(" ".join(o["title"].split()))
    for r in rows:
        # other names a diploma may carry: the table's older names, the institutions' own titles and
        # the short names the institutions use for their teacher education ("Leraar Duits")
        # a table name is an older name only where the register has no such code or knows that name
        # too (56943 is "Electrical engineering" in the 2012 table and "Chemistry" in the register)
        table = table_names.get(r[0], [])
        older = table if r[6] == "verwantschapstabel" or fold(r[1]) in {fold(n) for n in table} else []
        also = [*older, *sorted(titles.get(str(r[0]), ()))]
        second_degree = re.fullmatch(r"Opleiding tot leraar voortgezet onderwijs van de tweede graad in (.+)", r[1])
        if second_degree:
            subject = second_degree.group(1).removeprefix("het ")
            also += [f"Leraar {subject}", f"Lerarenopleiding {subject}", f"Tweedegraads lerarenopleiding {subject}"]
        also += SHORT_NAMES.get(r[0], [])
        seen = {fold(r[1])}
        r.append([n for n in also if not (fold(n) in seen or seen.add(fold(n)))])
    degrees_text = json.dumps(
        {
            "source": REGISTER_SOURCE,
            "source_url": REGISTER_URL,
            "table_source_urls": TABLE_URLS,
            "columns": ["croho", "name", "level", "sector", "ec", "institutions", "from", "also"],
            "degrees": rows,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    taken = []
    for o in offers:
        found = classify(o)
        if found is not None:
            taken.append(offering_row(o, *found))
    # An offering whose title names only its code's family (Leraar VHO in de Bètawetenschappen) may
    # give any subject the code is given for elsewhere; it lists those, marked as not confirmed.
    by_code: dict[tuple[str, int], set[str]] = defaultdict(set)
    for row in taken:
        by_code[row["programme"], row.get("croho", 0)] |= set(row["subjects"])
    for row in taken:
        if (
            not row["subjects"]
            and by_code[row["programme"], row.get("croho", 0)]
            and row["programme"] in FAMILY_PROGRAMMES
        ):
            row["subjects"] = sorted(by_code[row["programme"], row["croho"]])
            row["subjects_confirmed"] = False
    places = place_of(offers)
    curated = yaml.safe_load((HERE / "register" / "aanvullingen.yaml").read_text(encoding="utf-8"))["offers"]
    for c in curated:
        lat, lon, province = places[c["city"]]
        taken.append(
            {
                "programme": c["programme"],
                "subjects": c["subjects"],
                "institution": c["institution"],
                "city": c["city"],
                "province": province,
                "lat": lat,
                "lon": lon,
                "title": c["title"],
                "url": c["url"],
                "source": "pagina",
                "note": "plaats: de gemeente van de universiteit (het midden van de registeropleidingen daar)",
            }
        )
    taken.sort(key=lambda r: (r["programme"], r["institution"], r.get("city") or "", r.get("croho", 0), r["title"]))
    offers_text = json.dumps(
        {
            "title": "Aanbod per instelling en plaats",
            # the register's README: the export was retrieved by its authors in February 2025
            "retrieved": REGISTER_RETRIEVED,
            "description": (
                "Gegenereerd door tools/import_register.py uit het ho-register ("
                + REGISTER_SOURCE
                + ") en de eigen pagina's van de universiteiten die daarin ontbreken. Niet met de hand wijzigen."
            ),
            "provider_offerings": taken,
        },
        ensure_ascii=False,
        indent=None,
        separators=(",", ":"),
    )
    # one offering per line: a diff shows which offering changed
    offers_text = offers_text.replace(',{"programme"', ',\n{"programme"')
    table_text = json.dumps(
        {
            "title": "Verwantschapstabel educatieve minor/module, per tekst gedateerd",
            "description": (
                "Gegenereerd door tools/import_register.py uit de geconsolideerde teksten van 2010, 2012 en 2015 "
                "(Regeling verwantschapstabel educatieve minor, BWBR0028148). Niet met de hand wijzigen."
            ),
            "relatedness": dated_rows(texts),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).replace(',{"table"', ',\n{"table"')
    return degrees_text + "\n", offers_text + "\n", table_text + "\n"


def main() -> int:
    """Write the generated files, or with ``--check`` say which differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the folder holding data/ and sources/"
    )
    parser.add_argument("--check", action="store_true", help="compare with the committed files; write nothing")
    options = parser.parse_args()
    outputs = dict(zip((DEGREES_OUT, OFFERS_OUT, TABLE_OUT), build(options.shared), strict=True))
    if options.check:
        stale = [p for p, t in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != t]
        for p in stale:
            print(f"{p.relative_to(ROOT)} differs from what the register gives; run tools/import_register.py")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
