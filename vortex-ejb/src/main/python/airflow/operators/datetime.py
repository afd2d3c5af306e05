"""BranchDateTimeOperator: follows one branch while "now" (or the logical date) is within the targets."""
from __future__ import absolute_import, division, print_function, unicode_literals

import datetime
import warnings

from airflow.exceptions import AirflowException, RemovedInAirflow3Warning
from airflow.operators.branch import BaseBranchOperator
from airflow.utils import timezone


class BranchDateTimeOperator(BaseBranchOperator):
    """True branch when the current datetime falls between ``target_lower`` and ``target_upper``.

    The targets are datetimes or times of day (``datetime.time``, ``pendulum.time``); either may be
    None, not both.
    """

    def __init__(
        self,
        follow_task_ids_if_true,
        follow_task_ids_if_false,
        target_lower,
        target_upper,
        use_task_logical_date=False,
        use_task_execution_date=False,
        **kwargs
    ):
        super(BranchDateTimeOperator, self).__init__(**kwargs)
        if target_lower is None and target_upper is None:
            raise AirflowException(
                "Both target_upper and target_lower are None. At least one "
                "must be defined to be compared to the current datetime"
            )
        self.target_lower = target_lower
        self.target_upper = target_upper
        self.follow_task_ids_if_true = follow_task_ids_if_true
        self.follow_task_ids_if_false = follow_task_ids_if_false
        self.use_task_logical_date = use_task_logical_date
        if use_task_execution_date:
            self.use_task_logical_date = use_task_execution_date
            warnings.warn(
                "Parameter ``use_task_execution_date`` is deprecated. Use ``use_task_logical_date``.",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )

    def choose_branch(self, context):
        if self.use_task_logical_date:
            now = context["logical_date"]
        else:
            now = timezone.utcnow()
        lower, upper = target_times_as_dates(now, self.target_lower, self.target_upper)
        lower = timezone.coerce_datetime(lower, self.dag.timezone)
        upper = timezone.coerce_datetime(upper, self.dag.timezone)
        if upper is not None and upper < now:
            return self.follow_task_ids_if_false
        if lower is not None and lower > now:
            return self.follow_task_ids_if_false
        return self.follow_task_ids_if_true


def target_times_as_dates(base_date, lower, upper):
    """Both targets as datetimes: times of day are put on ``base_date``; an upper time before the lower
    one means the next day."""
    if isinstance(lower, datetime.datetime) and isinstance(upper, datetime.datetime):
        return lower, upper
    if lower is not None and isinstance(lower, datetime.time):
        lower = datetime.datetime.combine(base_date, lower)
    if upper is not None and isinstance(upper, datetime.time):
        upper = datetime.datetime.combine(base_date, upper)
    if lower is None or upper is None:
        return lower, upper
    if upper < lower:
        upper += datetime.timedelta(days=1)
    return lower, upper
