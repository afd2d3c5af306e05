"""Date helpers from ``airflow.utils.dates``; ``days_ago`` is still common in DAG files."""
from __future__ import absolute_import, division, print_function, unicode_literals

from datetime import timedelta

from airflow.utils import timezone

cron_presets = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *",
    "@quarterly": "0 0 1 */3 *",
    "@yearly": "0 0 1 1 *",
}


def days_ago(n, hour=0, minute=0, second=0, microsecond=0):
    """Midnight UTC n days ago (deprecated in Airflow 2 but still everywhere)."""
    today = timezone.utcnow().replace(hour=hour, minute=minute, second=second, microsecond=microsecond)
    return today - timedelta(days=n)
