"""``apply_defaults``: a no-op kept because Airflow 1 custom operators still import it."""
from __future__ import absolute_import, division, print_function, unicode_literals


def apply_defaults(func):
    """Airflow 2 applies default_args in BaseOperator's metaclass, so this changes nothing."""
    return func
