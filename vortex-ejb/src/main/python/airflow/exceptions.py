"""Airflow's exception classes, with the names and messages DAG authors know."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import py_repr


class AirflowException(Exception):
    """Base class for all Airflow errors."""

    status_code = 500


class AirflowBadRequest(AirflowException):
    status_code = 400


class AirflowNotFoundException(AirflowException):
    status_code = 404


class AirflowConfigException(AirflowException):
    """Raised for a missing or invalid configuration option."""


class AirflowSensorTimeout(AirflowException):
    """A sensor ran out of time."""


class AirflowRescheduleException(AirflowException):
    """A sensor in reschedule mode asks to be run again later."""

    def __init__(self, reschedule_date=None):
        super(AirflowRescheduleException, self).__init__()
        self.reschedule_date = reschedule_date


class AirflowSkipException(AirflowException):
    """Mark the task instance skipped."""


class AirflowFailException(AirflowException):
    """Fail the task instance without retrying."""


class AirflowTaskTimeout(AirflowException):
    """A task (or a DAG file import) ran longer than allowed."""


class AirflowTaskTerminated(AirflowException):
    """The task was killed externally."""


class AirflowDagCycleException(AirflowException):
    """The DAG's dependencies form a cycle."""


class AirflowDagDuplicatedIdException(AirflowException):
    """Two DAGs share one dag_id."""


class AirflowClusterPolicyViolation(AirflowException):
    """A cluster policy refused a DAG or task."""


class AirflowTimetableInvalid(AirflowException):
    """The schedule cannot be turned into a timetable."""


class DuplicateTaskIdFound(AirflowException):
    """A task or group id is used twice in one DAG."""


class TaskAlreadyInTaskGroup(AirflowException):
    """A task may belong to one TaskGroup only."""

    def __init__(self, task_id, existing_group_id, new_group_id):
        super(TaskAlreadyInTaskGroup, self).__init__(task_id, new_group_id)
        self.task_id = task_id
        self.existing_group_id = existing_group_id
        self.new_group_id = new_group_id

    def __str__(self):
        return "cannot add %s to %s (already in %s)" % (
            py_repr(self.task_id),
            py_repr(self.new_group_id),
            py_repr(self.existing_group_id),
        )


class TaskNotFound(AirflowNotFoundException):
    """No task with the requested id."""


class DagNotFound(AirflowNotFoundException):
    """No DAG with the requested id."""


class DagRunNotFound(AirflowNotFoundException):
    """No DAG run with the requested id."""


class ParamValidationError(AirflowException):
    """A Param's value does not satisfy its schema."""


class UnmappableOperator(AirflowException):
    """An operator that cannot be mapped was given to expand()."""


class RemovedInAirflow3Warning(DeprecationWarning):
    """A feature Airflow 3 no longer has."""


class AirflowProviderDeprecationWarning(DeprecationWarning):
    """A provider feature that is going away."""
