"""SkipMixin: how branching operators choose the downstream tasks that run.

Airflow sets the other tasks' states itself; VORTEX's scheduler does, from what the running task
instance records here (the run_task answer's ``follow``).
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import py_repr, string_types
from airflow.exceptions import AirflowException


class SkipMixin(object):
    def skip_all_except(self, ti, branch_task_ids):
        """Follow ``branch_task_ids`` (one id, ids, or None for none): the task's other direct downstream
        tasks are skipped.

        As in Airflow, a direct downstream task that is also downstream of a followed task is followed too
        (the "join" after an empty branch). ``ti`` records the direct downstream tasks to follow, sorted:
        Airflow's ``followed`` list.
        """
        if isinstance(branch_task_ids, string_types):
            branch_task_id_set = set([branch_task_ids])
        elif branch_task_ids is None:
            branch_task_id_set = set()
        elif hasattr(branch_task_ids, "__iter__"):
            branch_task_ids = list(branch_task_ids)
            branch_task_id_set = set(branch_task_ids)
            invalid_task_ids_type = set(
                (bti, type(bti).__name__) for bti in branch_task_ids if not isinstance(bti, string_types)
            )
            if invalid_task_ids_type:
                raise AirflowException(
                    "'branch_task_ids' expected all task IDs are strings. Invalid tasks found: %s."
                    % py_repr(invalid_task_ids_type)
                )
        else:
            raise AirflowException(
                "'branch_task_ids' must be either None, a task ID, or an Iterable of IDs, but got %s."
                % py_repr(type(branch_task_ids).__name__)
            )

        self.log.info("Following branch %s", py_repr(branch_task_id_set))
        task = ti.task
        dag = task.dag
        invalid_task_ids = branch_task_id_set - set(dag.task_ids)
        if invalid_task_ids:
            raise AirflowException(
                "'branch_task_ids' must contain only valid task_ids. Invalid tasks found: %s." % py_repr(invalid_task_ids)
            )
        followed = set(branch_task_id_set)
        for branch_task_id in branch_task_id_set:
            followed.update(dag.get_task(branch_task_id).get_flat_relative_ids(upstream=False))
        ti._vortex_follow = sorted(task_id for task_id in task.downstream_task_ids if task_id in followed)
