"""SmoothOperator: does nothing but log a link to Sade's song."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator


class SmoothOperator(BaseOperator):
    """Operator that does literally nothing but logs a YouTube link to "Smooth Operator"."""

    ui_color = "#e8f7e4"
    yt_link = "https://www.youtube.com/watch?v=4TYv2PhG89A"

    def __init__(self, **kwargs):
        super(SmoothOperator, self).__init__(**kwargs)
