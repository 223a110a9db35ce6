"""The documented path of :mod:`leraarroutes.testing.laws`: the invariants any catalogue keeps.

>>> import leraarroutes.laws, leraarroutes.testing.laws
>>> leraarroutes.laws.check_all is leraarroutes.testing.laws.check_all
True
"""

from leraarroutes.testing.laws import *  # noqa: F403 - this module is that one under its documented name
from leraarroutes.testing.laws import __all__  # noqa: F401
