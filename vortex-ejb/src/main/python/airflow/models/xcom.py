"""XCom: the constants and the value encoding (values themselves live in VORTEX's database)."""
from __future__ import absolute_import, division, print_function, unicode_literals

import json

from airflow._vortex.compat import is_mapping, string_types, type_repr
from airflow.exceptions import AirflowException

XCOM_RETURN_KEY = "return_value"


def _not_serializable(value):
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


class XCom(object):
    """``from airflow.models.xcom import XCom``: VORTEX stores XCom values as JSON."""

    @staticmethod
    def serialize_value(value, key=None, task_id=None, dag_id=None, run_id=None, map_index=None):
        """The value as JSON text; a value JSON cannot hold raises TypeError (ValueError for NaN and
        infinities, which strict JSON readers refuse) as Airflow's JSON encoding does."""
        return json.dumps(value, default=_not_serializable, allow_nan=False)


def multiple_outputs_items(value):
    """The (key, value) pairs a ``multiple_outputs`` result pushes, each as an XCom of its own; Airflow's
    errors for a result that is not a dict with string keys."""
    if not is_mapping(value):
        raise AirflowException("Returned output was type %s expected dictionary for multiple_outputs" % type_repr(value))
    for key in value.keys():
        if not isinstance(key, string_types):
            raise AirflowException(
                "Returned dictionary keys must be strings when using multiple_outputs, found %s (%s) instead"
                % (key, type_repr(key))
            )
    return list(value.items())
