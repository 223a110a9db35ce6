"""The package version, in one place: the build reads it here, and so does every module."""

__version__ = "0.1.0"

DOCUMENTATION_URL = "https://leraarroutes.readthedocs.io/"
"""Where the documentation is published (``site_url`` in ``mkdocs.yml``); the JSON Schemas live under it."""
