"""BranchDayOfWeekOperator: follows one branch on the given week days, the other on the rest."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.branch import BaseBranchOperator
from airflow.utils import timezone
from airflow.utils.weekday import WeekDay, logical_date_flag


class BranchDayOfWeekOperator(BaseBranchOperator):
    """Branches into one of two lists of tasks depending on the current day (or the logical date's)."""

    def __init__(
        self,
        follow_task_ids_if_true,
        follow_task_ids_if_false,
        week_day,
        use_task_logical_date=False,
        use_task_execution_day=False,
        **kwargs
    ):
        super(BranchDayOfWeekOperator, self).__init__(**kwargs)
        self.follow_task_ids_if_true = follow_task_ids_if_true
        self.follow_task_ids_if_false = follow_task_ids_if_false
        self.week_day = week_day
        self.use_task_logical_date = logical_date_flag(use_task_logical_date, use_task_execution_day)
        self._week_day_num = WeekDay.validate_week_day(week_day)

    def choose_branch(self, context):
        if self.use_task_logical_date:
            now = context["logical_date"]
        else:
            now = timezone.make_naive(timezone.utcnow(), self.dag.timezone)
        if now.isoweekday() in self._week_day_num:
            return self.follow_task_ids_if_true
        return self.follow_task_ids_if_false
