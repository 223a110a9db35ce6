"""The register layer: every accredited degree programme, and which one a person's diploma is.

Between the model and the catalogue: it knows levels and diplomas, and nothing of rules,
programmes or routes. Its data (``data/degrees.json``) is generated from the higher-education
register by ``tools/import_register.py``.

>>> from leraarroutes.register import load_register
>>> load_register().degree(35195).level.value
'hbo-bachelor'
"""

from leraarroutes.register.degrees import Degree, DegreeRegister, Identification, fold, load_register
from leraarroutes.register.institutions import canonical, same_institution

__all__ = ["Degree", "DegreeRegister", "Identification", "canonical", "fold", "load_register", "same_institution"]
