"""The documented path of :mod:`leraarroutes.engine.batch`: a cohort evaluated in one pass.

>>> import leraarroutes.batch, leraarroutes.engine.batch
>>> leraarroutes.batch.evaluate is leraarroutes.engine.batch.evaluate
True
"""

from leraarroutes.engine.batch import *  # noqa: F403 - this module is that one under its documented name
from leraarroutes.engine.batch import __all__  # noqa: F401
