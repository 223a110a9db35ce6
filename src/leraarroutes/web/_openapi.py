"""The API's OpenAPI 3.1 description (internal), built from the project's own JSON Schemas.

OpenAPI 3.1 takes JSON Schema 2020-12 as it is, so the profile schema (generated from the model)
and the routes report schema (shipped with the package) are the request and response bodies:
one description of the domain, not a second one written for the framework.
"""

from __future__ import annotations

from typing import Any

from leraarroutes.catalogue.schema import json_schema
from leraarroutes.engine.report import report_schema

_PROBLEM = {
    "type": "object",
    "description": "An error (RFC 9457); detail is the message the command line gives.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
    },
}

_EXPLANATION = {
    "type": "object",
    "required": ["leraarroutes_version", "catalogue_version", "catalogue_date", "as_of", "target", "blocked"],
    "properties": {
        "leraarroutes_version": {"type": "string"},
        "catalogue_version": {"type": "string"},
        "catalogue_date": {"type": ["string", "null"]},
        "as_of": {"type": "string", "format": "date"},
        "target": {"type": "string"},
        "blocked": {"type": "array", "items": {"type": "object"}},
    },
}


def embedded(schema: Any, name: str) -> Any:  # noqa: ANN401 - a JSON Schema, any part of one
    """A project schema as an OpenAPI component: its own ``#/...`` references made to point into it.

    Validators of an OpenAPI document resolve ``#`` against the document, not against the embedded
    schema's ``$id``; so ``#/$defs/Diploma`` becomes ``#/components/schemas/Profile/$defs/Diploma``.
    Nothing else changes.
    """
    if isinstance(schema, dict):
        return {
            key: (
                f"#/components/schemas/{name}{value[1:]}"
                if key == "$ref" and isinstance(value, str) and value.startswith("#/")
                else embedded(value, name)
            )
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [embedded(item, name) for item in schema]
    return schema


def _query(extra: dict[str, Any]) -> dict[str, Any]:
    """A request body: a profile and the question's options."""
    return {
        "type": "object",
        "required": ["profile"],
        "additionalProperties": False,
        "properties": {
            "profile": {"$ref": "#/components/schemas/Profile"},
            "target": {"type": ["string", "null"], "description": "A qualification or school type; null: every one."},
            "as_of": {"type": ["string", "null"], "format": "date", "description": "Default: today."},
            "lang": {"enum": ["nl", "en"]},
            **extra,
        },
    }


def _errors(*codes: int) -> dict[str, Any]:
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    words = {
        400: "Unreadable request",
        404: "Unknown name",
        413: "Body too large",
        422: "Invalid input",
        503: "Too slow",
    }
    return {str(code): {"description": words[code], "content": problem} for code in codes}


def _json(ref: str) -> dict[str, Any]:
    return {"description": "OK", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


_SVG = {"description": "OK", "content": {"image/svg+xml": {"schema": {"type": "string"}}}}


def document(version: str) -> dict[str, Any]:
    """The OpenAPI document of ``/api/v1``."""
    routes_body = _query(
        {
            "form": {"enum": ["voltijd", "deeltijd", "duaal", None]},
            "province": {"type": ["string", "null"]},
            "limit": {"type": ["integer", "null"], "minimum": 1},
            "all": {"type": "boolean", "description": "Every route per qualification, not at most 3."},
        }
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "leraarroutes",
            "version": version,
            "description": (
                "Routes to a Dutch teaching qualification: routes, explanations, catalogue, register, diagrams."
            ),
        },
        "paths": {
            "/api/v1/health": {
                "get": {"summary": "Versions and today's date", "responses": {"200": {"description": "OK"}}}
            },
            "/api/v1/routes": {
                "post": {
                    "summary": "The routes from a person to a qualification, or to every one",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": routes_body}}},
                    "responses": {"200": _json("RoutesReport"), **_errors(400, 413, 422, 503)},
                }
            },
            "/api/v1/explain": {
                "post": {
                    "summary": "What is closed on the way to a target, and why",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": _query({})}}},
                    "responses": {"200": _json("Explanation"), **_errors(400, 413, 422, 503)},
                }
            },
            "/api/v1/catalogue": {"get": {"summary": "Every programme", "responses": {"200": {"description": "OK"}}}},
            "/api/v1/programmes/{programme_id}": {
                "get": {
                    "summary": "One programme as the catalogue holds it",
                    "parameters": [
                        {"name": "programme_id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {"200": {"description": "OK"}, **_errors(404)},
                }
            },
            "/api/v1/degrees": {
                "get": {
                    "summary": "Degree programmes of the higher-education register by name",
                    "parameters": [
                        {"name": "q", "in": "query", "required": True, "schema": {"type": "string", "maxLength": 200}},
                        {"name": "level", "in": "query", "schema": {"type": "string"}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50}},
                    ],
                    "responses": {"200": {"description": "OK"}, **_errors(400, 422)},
                }
            },
            "/api/v1/diagrams/{name}.svg": {
                "get": {
                    "summary": "A named overview as SVG",
                    "parameters": [
                        {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}},
                        {"name": "lang", "in": "query", "schema": {"enum": ["nl", "en"]}},
                    ],
                    "responses": {"200": _SVG, **_errors(404, 422)},
                }
            },
            "/api/v1/diagrams/personal.svg": {
                "post": {
                    "summary": "One person's route map as SVG",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": _query({})}}},
                    "responses": {"200": _SVG, **_errors(400, 413, 422, 503)},
                }
            },
        },
        "components": {
            "schemas": {
                "Profile": embedded(json_schema("profile"), "Profile"),
                "RoutesReport": embedded(report_schema(), "RoutesReport"),
                "Explanation": _EXPLANATION,
                "Problem": _PROBLEM,
            }
        },
    }
