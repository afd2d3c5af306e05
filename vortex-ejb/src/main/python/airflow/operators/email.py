"""EmailOperator: sends an email (VORTEX records its arguments, the worker sends it)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator


class EmailOperator(BaseOperator):
    """Sends an email to ``to`` (and ``cc``/``bcc``), with ``files`` attached."""

    template_fields = ("to", "subject", "html_content", "files")
    template_fields_renderers = {"html_content": "html"}
    template_ext = (".html",)
    ui_color = "#e6faf9"

    def __init__(
        self,
        to,
        subject,
        html_content,
        files=None,
        cc=None,
        bcc=None,
        mime_subtype="mixed",
        mime_charset="utf-8",
        conn_id=None,
        custom_headers=None,
        **kwargs
    ):
        super(EmailOperator, self).__init__(**kwargs)
        self.to = to
        self.subject = subject
        self.html_content = html_content
        self.files = files or []
        self.cc = cc
        self.bcc = bcc
        self.mime_subtype = mime_subtype
        self.mime_charset = mime_charset
        self.conn_id = conn_id
        self.custom_headers = custom_headers
