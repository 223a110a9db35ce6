"""Add a programme in an extra catalogue file and see it in the routes.

Run with ``python examples/extra_catalogus.py``.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import leraarroutes as lr

EXTRA = """
programmes:
  - id: voorbeeld-master-spaans
    kind: hbo-master-leraar
    name: Hbo-master leraar Spaans (voorbeeld)
    sector: vo
    level: hbo
    durations: [{form: deeltijd, months: 24}]
    entry: {qualification: {qualification: "tweedegraads:spaans"}}
    grants: {qualifications: ["eerstegraads:spaans"]}
    providers: [Voorbeeldhogeschool]
    sources: [{url: "https://example.org/master-spaans", note: "een voorbeeld, geen echte opleiding"}]
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        extra = Path(folder) / "eigen.yaml"
        extra.write_text(EXTRA, encoding="utf-8")
        catalogue = lr.load_catalogue(extra)
    teacher = lr.Profile(qualifications=(lr.Qualification.parse("tweedegraads:spaans"),))
    routes = lr.find_routes(catalogue, teacher, "eerstegraads:spaans", as_of=dt.date(2024, 1, 1))
    assert [r.programmes for r in routes] == [("voorbeeld-master-spaans",)]
    print("ok:", routes[0].programmes[0], routes[0].months, "months")


if __name__ == "__main__":
    main()
