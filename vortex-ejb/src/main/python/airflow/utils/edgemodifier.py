"""``Label``: annotates the edges it stands between, as in ``a >> Label("yes") >> b``."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import is_sequence
from airflow.models.taskmixin import DAGNode, DependencyMixin
from airflow.models.xcom_arg import XComArg
from airflow.utils.task_group import TaskGroup


class EdgeModifier(DependencyMixin):
    """Collects what is on its left and right; each new side is linked to the other, labelled."""

    def __init__(self, label=None):
        self.label = label
        self._upstream = []
        self._downstream = []

    @property
    def roots(self):
        return self._downstream

    @property
    def leaves(self):
        return self._upstream

    def _save_nodes(self, nodes, stream):
        for node in (nodes if is_sequence(nodes) else [nodes]):
            if isinstance(node, (TaskGroup, XComArg, DAGNode)):
                stream.append(node)
            else:
                raise TypeError(
                    "Cannot use edge labels with %s, only tasks, XComArg or TaskGroups" % type(node).__name__
                )

    def set_upstream(self, other, edge_modifier=None):
        self._save_nodes(other, self._upstream)
        for node in self._downstream:
            node.set_upstream(other, edge_modifier=self)

    def set_downstream(self, other, edge_modifier=None):
        self._save_nodes(other, self._downstream)
        for node in self._upstream:
            node.set_downstream(other, edge_modifier=self)

    def update_relative(self, other, upstream=True, edge_modifier=None):
        if upstream:
            self.set_upstream(other)
        else:
            self.set_downstream(other)

    def add_edge_info(self, dag, upstream_id, downstream_id):
        dag.set_edge_info(upstream_id, downstream_id, {"label": self.label})


def Label(label):  # noqa: N802 - Airflow's public name
    """Create an EdgeModifier that sets a human-readable label on the edge."""
    return EdgeModifier(label=label)
