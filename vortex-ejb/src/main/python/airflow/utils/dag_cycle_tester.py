"""Airflow's cycle check, run on every DAG after its file is imported."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.exceptions import AirflowDagCycleException

CYCLE_NEW = 0
CYCLE_IN_PROGRESS = 1
CYCLE_DONE = 2


def check_cycle(dag):
    """Depth-first walk from each task; meeting a task still on the path is a cycle.

    Children are visited in sorted order (Airflow iterates a set) so the faulty task named in the
    message is the same on every run and in both engines.
    """
    visited = {}
    path_stack = []
    task_dict = dag.task_dict

    def next_unvisited_child(task_id, task):
        for adjacent_id in sorted(task.get_direct_relative_ids()):
            state = visited.get(adjacent_id, CYCLE_NEW)
            if state == CYCLE_IN_PROGRESS:
                raise AirflowDagCycleException(
                    "Cycle detected in DAG: %s. Faulty task: %s" % (dag.dag_id, task_id)
                )
            if state == CYCLE_NEW:
                return adjacent_id
        return None

    for dag_task_id in task_dict:
        if visited.get(dag_task_id, CYCLE_NEW) == CYCLE_DONE:
            continue
        path_stack.append(dag_task_id)
        while path_stack:
            current_id = path_stack[-1]
            if visited.get(current_id, CYCLE_NEW) == CYCLE_NEW:
                visited[current_id] = CYCLE_IN_PROGRESS
            child_id = next_unvisited_child(current_id, task_dict[current_id])
            if child_id is None:
                visited[current_id] = CYCLE_DONE
                path_stack.pop()
            else:
                path_stack.append(child_id)
