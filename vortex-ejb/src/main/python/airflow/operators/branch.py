"""BaseBranchOperator: custom branching operators subclass it and implement choose_branch."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import string_types
from airflow.models.baseoperator import BaseOperator
from airflow.models.skipmixin import SkipMixin


class BranchMixIn(SkipMixin):
    """Follows the branch a task chose, a task group standing for its root tasks."""

    def do_branch(self, context, branches_to_execute):
        self.log.info("Branch into %s", branches_to_execute)
        if branches_to_execute is None:
            self.skip_all_except(context["ti"], None)
        else:
            self.skip_all_except(context["ti"], self._expand_task_group_roots(context["ti"], branches_to_execute))
        return branches_to_execute

    def _expand_task_group_roots(self, ti, branches_to_execute):
        task_group_dict = ti.task.dag.task_group.get_task_group_dict()
        if isinstance(branches_to_execute, string_types) or not hasattr(branches_to_execute, "__iter__"):
            branches_to_execute = [branches_to_execute]
        for branch in branches_to_execute:
            if branch in task_group_dict:
                task_group = task_group_dict[branch]
                root_ids = [root.task_id for root in task_group.roots]
                self.log.info("Expanding task group %s into %s", task_group.group_id, root_ids)
                for root_id in root_ids:
                    yield root_id
            else:
                yield branch


class BaseBranchOperator(BaseOperator, BranchMixIn):
    inherits_from_skipmixin = True
    _vortex_runnable = True

    def choose_branch(self, context):
        raise NotImplementedError

    def execute(self, context):
        return self.do_branch(context, self.choose_branch(context))
