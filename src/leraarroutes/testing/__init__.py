"""The testing layer: hypothesis strategies for every domain type, and the laws any catalogue keeps.

:mod:`~leraarroutes.testing.strategies` (needs the ``hypothesis`` extra) and
:mod:`~leraarroutes.testing.laws`; both are also importable as ``leraarroutes.strategies`` and
``leraarroutes.laws``. The engine never imports this layer: the laws check the engine from above.
"""
