"""The JSON Schemas accept what the loader accepts: the examples and the shipped catalogue."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from leraarroutes.catalogue.schema import json_schema

ROOT = Path(__file__).resolve().parents[1]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("path", sorted((ROOT / "examples/profiles").glob("*.yaml")), ids=lambda p: p.name)
def test_example_profiles_match_the_profile_schema(path: Path) -> None:
    """Every example profile document validates against the profile schema."""
    schema = json_schema("profile")
    for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
        jsonschema.validate(_plain(document), schema)


SHIPPED = sorted((ROOT / "src/leraarroutes/catalogue/data").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_catalogue_files_match_the_catalogue_schema(path: Path) -> None:
    """Every shipped catalogue file validates against the catalogue schema."""
    jsonschema.validate(_plain(yaml.safe_load(path.read_text(encoding="utf-8"))), json_schema("catalogue"))


def test_the_schema_refuses_an_unknown_field() -> None:
    """Editors flag a misspelt key, as the loader does."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"diploma": []}, json_schema("profile"))


def test_committed_schema_files_are_current() -> None:
    """schemas/*.schema.json equal what the model generates (regenerate with `leraarroutes schema`)."""
    for name in ("profile", "catalogue"):
        committed = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == json_schema(name)
