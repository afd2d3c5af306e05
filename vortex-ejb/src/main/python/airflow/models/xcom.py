"""XCom constants (values themselves live in VORTEX's database, not in the shim)."""
from __future__ import absolute_import, division, print_function, unicode_literals

XCOM_RETURN_KEY = "return_value"


class XCom(object):
    """Placeholder so ``from airflow.models.xcom import XCom`` imports at parse time."""
