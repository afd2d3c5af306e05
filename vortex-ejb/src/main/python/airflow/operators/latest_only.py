"""LatestOnlyOperator: skips its direct downstream tasks unless the run is the latest scheduled one."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.branch import BaseBranchOperator


class LatestOnlyOperator(BaseBranchOperator):
    """Runs downstream tasks only for the most recent schedule interval (or an externally triggered run)."""

    ui_color = "#e9ffdb"  # nyanza
    # VORTEX's scheduler decides it from the run's data interval, without the shim.
    _vortex_runnable = False
