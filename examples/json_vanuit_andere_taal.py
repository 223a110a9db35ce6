"""Call the CLI as another program would, and read its JSON (checked against the schema).

Run with ``python examples/json_vanuit_andere_taal.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    command = [
        sys.executable, "-m", "leraarroutes", "routes",
        "--profile", str(ROOT / "examples/profiles/havist.yaml"),
        "--target", "po", "--as-of", "2024-01-01", "--format", "json",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:  # 2: bad input, with one line on stderr
        raise SystemExit(result.stderr)
    report = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas/routes-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    fastest = report["routes"][0]
    print("ok:", fastest["qualification"], fastest["months"], "months via", [s["programme"] for s in fastest["steps"]])


if __name__ == "__main__":
    main()
