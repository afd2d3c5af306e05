"""BashOperator: runs a bash command (the command stays an unrendered Jinja template here)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator


class BashOperator(BaseOperator):
    """Execute a Bash script, command or set of commands."""

    template_fields = ("bash_command", "env", "cwd")
    template_fields_renderers = {"bash_command": "bash", "env": "json"}
    template_ext = (".sh", ".bash")
    ui_color = "#f0ede4"

    def __init__(
        self,
        bash_command,
        env=None,
        append_env=False,
        output_encoding="utf-8",
        skip_exit_code=None,
        skip_on_exit_code=99,
        cwd=None,
        output_processor=None,
        **kwargs
    ):
        super(BashOperator, self).__init__(**kwargs)
        self.bash_command = bash_command
        self.env = env
        self.output_encoding = output_encoding
        if skip_exit_code is not None:
            skip_on_exit_code = skip_exit_code
        self.skip_on_exit_code = (
            skip_on_exit_code
            if isinstance(skip_on_exit_code, (list, tuple)) or skip_on_exit_code is None
            else [skip_on_exit_code]
        )
        self.cwd = cwd
        self.append_env = append_env
        self.output_processor = output_processor
