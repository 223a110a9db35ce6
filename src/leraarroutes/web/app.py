"""The adviser's web page and the JSON API, as one FastAPI application.

FastAPI (on Starlette, served by uvicorn) is used for its routing, its test client and its wide
use; its own request models are not: bodies are read by the project's own cattrs converter and
answered in the project's own JSON formats (:mod:`leraarroutes.engine.report`), and the OpenAPI
description is built from the project's JSON Schemas (:mod:`leraarroutes.web._openapi`).

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app())
>>> client.get("/api/v1/health").json()["status"]
'ok'
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

import anyio
import jinja2
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from leraarroutes import _validate
from leraarroutes._version import __version__
from leraarroutes.catalogue.catalogue import Catalogue
from leraarroutes.catalogue.loading import load_catalogue
from leraarroutes.catalogue.offers import PROVINCES, Where
from leraarroutes.catalogue.serialize import parse_text, structure, unstructure
from leraarroutes.diagrams import OVERVIEWS, personal_digraph, to_digraph, to_svg
from leraarroutes.engine.report import explanation_report, routes_report, versions
from leraarroutes.engine.routes import SearchLimitError
from leraarroutes.errors import InputError, LeraarroutesError, ProfileError, UnknownNameError
from leraarroutes.model.profile import Profile
from leraarroutes.register import load_register
from leraarroutes.web import _openapi, _page

MAX_BODY_BYTES = 64 * 1024
"""The largest request body accepted (a profile is a few hundred bytes); larger is 413."""

REQUEST_SECONDS = 20.0
"""How long one answer may take before the request ends with 503 (the search limits apply too)."""

SECURITY_HEADERS = {
    # no script at all: the page is a plain GET form; styles only from the package's own file
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
"""Headers on every response."""

_log = logging.getLogger(__name__)


def problem(status: int, title: str, detail: str, *, instance: str | None = None) -> JSONResponse:
    """An error as ``application/problem+json`` (RFC 9457)."""
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if instance is not None:
        body["instance"] = instance
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


def _status_of(exc: LeraarroutesError, method: str) -> tuple[int, str]:
    # an unknown name in the address is a missing resource; in a body, an invalid value
    if isinstance(exc, UnknownNameError) and method == "GET":
        return 404, "Not found"
    if isinstance(exc, SearchLimitError):
        return 422, "Search limit reached"
    return 422, "Invalid input"


async def _read_json(request: Request) -> Any:  # noqa: ANN401 - plain data, checked by the caller
    """The request's JSON body, at most :data:`MAX_BODY_BYTES`, parsed as the project parses JSON."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _TooLargeError
        chunks.append(chunk)
    try:
        text = b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError:
        raise _BadRequestError("the body is not UTF-8 text") from None
    if not text.strip():
        raise _BadRequestError("the body is empty; send a JSON object")
    try:
        documents = parse_text(text, "json", file="body")
    except InputError as exc:
        raise _BadRequestError(str(exc)) from None
    return documents[0][0]


class _TooLargeError(Exception):
    pass


class _BadRequestError(Exception):
    pass


def _fields(body: Any, allowed: tuple[str, ...]) -> dict[str, Any]:  # noqa: ANN401 - plain data
    if not isinstance(body, dict):
        raise InputError(f"expected a JSON object with fields ({', '.join(allowed)}), got {type(body).__name__}")
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r}; valid: {', '.join(allowed)}", path=f"$.{unknown[0]}")
    return body


def _text_field(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{name} must be a text or null, not {type(value).__name__}", path=f"$.{name}")
    return value


def _date_field(body: dict[str, Any]) -> dt.date:
    text = _text_field(body, "as_of")
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        raise InputError(f"as_of must be a date as YYYY-MM-DD, not {text!r}", path="$.as_of") from None


def _profile_field(body: dict[str, Any], catalogue: Catalogue) -> Profile:
    if "profile" not in body:
        raise InputError("the body needs a profile (the fields of a profile file)", path="$.profile")
    profile = structure(body["profile"], Profile, error=ProfileError, file="profile")
    catalogue.check_profile(profile, file="profile")
    return profile


def _where_field(body: dict[str, Any]) -> Where | None:
    province = _text_field(body, "province")
    if province is None:
        return None
    if province not in PROVINCES:
        raise InputError(f"unknown province {province!r}; valid: {', '.join(PROVINCES)}", path="$.province")
    return Where(province=province)


def _limit_field(body: dict[str, Any]) -> int | None:
    limit = body.get("limit")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise InputError(f"limit must be a whole number of 1 or more, or null; not {limit!r}", path="$.limit")
    return limit


async def _bounded(work: Callable[[], Any]) -> Any:  # noqa: ANN401 - whatever the work returns
    """Run blocking work in a worker thread, at most :data:`REQUEST_SECONDS`."""
    with anyio.fail_after(REQUEST_SECONDS):
        return await anyio.to_thread.run_sync(work)


def _svg_response(svg: str, headers: dict[str, str]) -> Response:
    return Response(svg, media_type="image/svg+xml", headers=headers)


def create_app(catalogue: Catalogue | None = None) -> FastAPI:  # noqa: C901, PLR0915 - the routes of one app, each short
    """The web application: the adviser's page at ``/`` and the JSON API under ``/api/v1``.

    ``catalogue`` defaults to the shipped one. Serve it with ``leraarroutes serve`` or any ASGI
    server (``uvicorn "leraarroutes.web:create_app" --factory``).
    """
    catalogue = catalogue if catalogue is not None else load_catalogue()
    register = load_register()
    app = FastAPI(
        title="leraarroutes",
        version=__version__,
        docs_url=None,  # the interactive docs load their script from a CDN; the page serves none
        redoc_url=None,
        openapi_url=None,
    )
    static = resources.files("leraarroutes.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    templates = jinja2.Environment(
        loader=jinja2.PackageLoader("leraarroutes.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )

    def stamp(day: dt.date | None = None) -> dict[str, str]:
        headers = {"X-Leraarroutes-Version": __version__, "X-Catalogue-Version": catalogue.version}
        if catalogue.sources_date is not None:
            headers["X-Catalogue-Date"] = catalogue.sources_date
        if day is not None:
            headers["X-As-Of"] = day.isoformat()
        return headers

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            response: Response = problem(413, "Request too large", f"a body may hold at most {MAX_BODY_BYTES} bytes")
        else:
            try:
                response = await call_next(request)
            except Exception:  # noqa: BLE001 - the last net: a message to the client, the traceback to the log
                _log.exception("unexpected error answering %s", request.url.path)
                response = problem(500, "Internal error", "the request could not be answered; it was logged")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        for name, value in stamp().items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(LeraarroutesError)
    async def domain_error(request: Request, exc: LeraarroutesError) -> Response:
        status, title = _status_of(exc, request.method)
        if request.url.path.startswith("/api/"):
            return problem(status, title, str(exc), instance=request.url.path)
        return HTMLResponse(_page.error_page(templates, str(exc), "nl"), status_code=status)

    @app.exception_handler(_TooLargeError)
    async def too_large(_request: Request, _exc: _TooLargeError) -> Response:
        return problem(413, "Request too large", f"a body may hold at most {MAX_BODY_BYTES} bytes")

    @app.exception_handler(_BadRequestError)
    async def bad_request(request: Request, exc: _BadRequestError) -> Response:
        return problem(400, "Bad request", str(exc), instance=request.url.path)

    @app.exception_handler(TimeoutError)
    async def too_slow(request: Request, _exc: TimeoutError) -> Response:
        detail = f"the answer took longer than {REQUEST_SECONDS:g} s; ask for a target or fewer routes"
        return problem(503, "Took too long", detail, instance=request.url.path)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return problem(400, "Bad request", f"{where}: {first.get('msg', 'invalid')}", instance=request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = "no such page" if exc.status_code == 404 else str(exc.detail)  # noqa: PLR2004
        return problem(exc.status_code, str(exc.detail), detail, instance=request.url.path)

    # -- the API ------------------------------------------------------------------------------

    @app.get("/api/v1/health")
    async def health() -> Response:
        return JSONResponse({"status": "ok", **versions(catalogue), "as_of": dt.date.today().isoformat()})

    @app.get("/api/v1/openapi.json")
    async def openapi() -> Response:
        return JSONResponse(_openapi.document(__version__))

    @app.post("/api/v1/routes")
    async def routes(request: Request) -> Response:
        allowed = ("profile", "target", "as_of", "lang", "form", "province", "limit", "all")
        body = _fields(await _read_json(request), allowed)
        profile = _profile_field(body, catalogue)
        day = _date_field(body)
        lang = _validate.language(_text_field(body, "lang") or "nl")
        everything = body.get("all", False)
        if not isinstance(everything, bool):
            raise InputError(f"all must be true or false, not {everything!r}", path="$.all")
        target, form = _text_field(body, "target"), _text_field(body, "form")
        where, limit = _where_field(body), _limit_field(body)

        def answer() -> dict[str, Any]:
            return routes_report(
                catalogue,
                profile,
                target,
                as_of=day,
                lang=lang,
                form=form,
                where=where,
                limit=limit,
                everything=everything,
            )

        return JSONResponse(await _bounded(answer), headers=stamp(day))

    @app.post("/api/v1/explain")
    async def explain(request: Request) -> Response:
        body = _fields(await _read_json(request), ("profile", "target", "as_of", "lang"))
        profile = _profile_field(body, catalogue)
        target = _text_field(body, "target")
        if target is None:
            raise InputError("explain needs a target (a qualification such as eerstegraads:biologie)", path="$.target")
        day = _date_field(body)
        lang = _validate.language(_text_field(body, "lang") or "nl")
        report = await _bounded(lambda: explanation_report(catalogue, profile, target, as_of=day, lang=lang))
        return JSONResponse(report, headers=stamp(day))

    @app.get("/api/v1/catalogue")
    async def catalogue_index() -> Response:
        programmes = [
            {"id": p.id, "kind": p.kind.value, "name": p.name, "sector": p.sector.value, "level": p.level.value}
            for p in catalogue.programmes
        ]
        return JSONResponse({**versions(catalogue), "programmes": programmes})

    @app.get("/api/v1/programmes/{programme_id}")
    async def programme(programme_id: str) -> Response:
        found = catalogue.programme(programme_id)  # UnknownNameError: 404 with the closest names
        return JSONResponse({**versions(catalogue), "programme": unstructure(found)})

    @app.get("/api/v1/degrees")
    async def degrees(q: str, level: str | None = None, limit: int = 10) -> Response:
        if not 1 <= limit <= 50:  # noqa: PLR2004 - a page of answers
            raise InputError(f"limit must be from 1 to 50, not {limit}", path="limit")
        if len(q) > 200:  # noqa: PLR2004 - a name is far shorter
            raise InputError("q is longer than 200 characters", path="q")
        try:
            found = register.find(q, level=level, limit=limit)
        except ValueError as exc:  # an unknown level
            raise InputError(str(exc), path="level") from None
        payload = [
            {"croho": d.croho, "name": d.name, "level": d.level.value, "sector": d.sector, "ec": d.ec} for d in found
        ]
        return JSONResponse({**versions(catalogue), "degrees": payload})

    @app.get("/api/v1/diagrams/{name}.svg")
    async def overview(name: str, as_of: str | None = None, lang: str = "nl") -> Response:
        if name not in OVERVIEWS:
            raise UnknownNameError(f"unknown diagram {name!r}; valid: {', '.join(OVERVIEWS)}")
        day = _date_field({"as_of": as_of})
        lang = _validate.language(lang)
        svg = await _bounded(lambda: to_svg(to_digraph(catalogue, name, as_of=day, lang=lang)))
        return _svg_response(svg, stamp(day))

    @app.post("/api/v1/diagrams/personal.svg")
    async def personal(request: Request) -> Response:
        body = _fields(await _read_json(request), ("profile", "target", "as_of", "lang"))
        profile = _profile_field(body, catalogue)
        target, day = _text_field(body, "target"), _date_field(body)
        lang = _validate.language(_text_field(body, "lang") or "nl")
        svg = await _bounded(lambda: to_svg(personal_digraph(catalogue, profile, target, as_of=day, lang=lang)))
        return _svg_response(svg, stamp(day))

    # -- the page -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    async def page(request: Request) -> Response:
        params = {key: request.query_params.getlist(key) for key in request.query_params}
        html, status = await _bounded(lambda: _page.render_page(templates, catalogue, register, params))
        return HTMLResponse(html, status_code=status)

    return app
