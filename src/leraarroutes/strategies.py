"""The documented path of :mod:`leraarroutes.testing.strategies`: hypothesis strategies for every type.

>>> import leraarroutes.strategies, leraarroutes.testing.strategies
>>> leraarroutes.strategies.profiles is leraarroutes.testing.strategies.profiles
True
"""

from leraarroutes.testing.strategies import *  # noqa: F403 - this module is that one under its documented name
from leraarroutes.testing.strategies import __all__  # noqa: F401
