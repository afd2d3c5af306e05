"""``get_parsing_context()``: which DAG/task a worker parses for; VORTEX always parses whole files."""
from __future__ import absolute_import, division, print_function, unicode_literals

from collections import namedtuple

AirflowParsingContext = namedtuple("AirflowParsingContext", ["dag_id", "task_id"])


def get_parsing_context():
    return AirflowParsingContext(dag_id=None, task_id=None)
