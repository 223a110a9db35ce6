"""The web layer: the adviser's page and the JSON API (``pip install "leraarroutes[web]"``).

:func:`create_app` builds the application; ``leraarroutes serve`` runs it on the loopback
address. The page is a plain GET form (no script), the API lives under ``/api/v1`` with its
OpenAPI description at ``/api/v1/openapi.json``. Both answer with the project's own JSON report.
"""

try:
    from leraarroutes.web.app import create_app
except ImportError as _missing:  # pragma: no cover - the web extra is not installed
    from leraarroutes.errors import LeraarroutesError

    _reason = str(_missing)

    def create_app(*_args: object, **_kwargs: object) -> object:  # type: ignore[misc]
        """Stands in for the web application when its extra is not installed."""
        raise LeraarroutesError(f'the web app needs its extra: pip install "leraarroutes[web]" ({_reason})')


__all__ = ["create_app"]
