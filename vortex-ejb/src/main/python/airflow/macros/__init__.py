"""``airflow.macros``: what templates and task code reach as ``macros`` in the context."""
from __future__ import absolute_import, division, print_function, unicode_literals

import json  # noqa: F401 - part of the macros namespace, as in Airflow
import time  # noqa: F401
import uuid  # noqa: F401
from datetime import datetime, timedelta
from random import random  # noqa: F401


def ds_add(ds, days):
    """Add or subtract days from a YYYY-MM-DD: ``ds_add("2015-01-01", 5)`` is ``'2015-01-06'``."""
    if not days:
        return str(ds)
    moved = datetime.strptime(str(ds), "%Y-%m-%d") + timedelta(days=days)
    return moved.strftime("%Y-%m-%d")


def ds_format(ds, input_format, output_format):
    """Reformat a date string: ``ds_format("2015-01-01", "%Y-%m-%d", "%m-%d-%y")`` is ``'01-01-15'``."""
    return datetime.strptime(str(ds), input_format).strftime(output_format)
