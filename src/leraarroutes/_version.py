"""The package version, in one place: the build reads it here, and so does every module."""

__version__ = "0.1.0"
