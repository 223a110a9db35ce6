"""The command layer: the ``leraarroutes`` command, a thin layer that parses, calls the library and prints.

``_main`` has the parser and the catalogue commands; ``_routes`` the commands that ask the engine
(routes, explain, diagram, batch); ``_law_search`` searches the laws for counterexamples.
"""

from leraarroutes.cli._main import build_parser, main

__all__ = ["build_parser", "main"]
