"""PythonOperator and its branching / short-circuit / virtualenv variants."""
from __future__ import absolute_import, division, print_function, unicode_literals

import warnings

from airflow.exceptions import AirflowException, RemovedInAirflow3Warning
from airflow.models.baseoperator import BaseOperator


class PythonOperator(BaseOperator):
    """Executes a Python callable (recorded by name at parse time)."""

    template_fields = ("templates_dict", "op_args", "op_kwargs")
    template_fields_renderers = {"templates_dict": "json", "op_args": "py", "op_kwargs": "py"}
    ui_color = "#ffefeb"
    shallow_copy_attrs = ("python_callable", "op_kwargs")

    def __init__(
        self,
        python_callable,
        op_args=None,
        op_kwargs=None,
        templates_dict=None,
        templates_exts=None,
        show_return_value_in_logs=True,
        **kwargs
    ):
        # As in Airflow, only a true provide_context is dropped; provide_context=False stays an invalid argument.
        if kwargs.get("provide_context"):
            warnings.warn(
                "provide_context is deprecated as of 2.0 and is no longer required",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )
            kwargs.pop("provide_context", None)
        super(PythonOperator, self).__init__(**kwargs)
        if not callable(python_callable):
            raise AirflowException("`python_callable` param must be callable")
        self.python_callable = python_callable
        self.op_args = op_args or ()
        self.op_kwargs = op_kwargs or {}
        self.templates_dict = templates_dict
        if templates_exts:
            self.template_ext = templates_exts
        self.show_return_value_in_logs = show_return_value_in_logs


class BranchPythonOperator(PythonOperator):
    """The callable returns the task id(s) to follow; the other direct downstreams are skipped."""

    inherits_from_skipmixin = True


class ShortCircuitOperator(PythonOperator):
    """A falsy return value skips downstream tasks."""

    inherits_from_skipmixin = True

    def __init__(self, ignore_downstream_trigger_rules=True, **kwargs):
        super(ShortCircuitOperator, self).__init__(**kwargs)
        self.ignore_downstream_trigger_rules = ignore_downstream_trigger_rules


class PythonVirtualenvOperator(PythonOperator):
    """Runs the callable in a virtualenv built from ``requirements``."""

    template_fields = tuple(sorted(set(["requirements", "index_urls", "venv_cache_path"]) | set(PythonOperator.template_fields)))

    def __init__(
        self,
        python_callable,
        requirements=None,
        python_version=None,
        serializer=None,
        system_site_packages=True,
        pip_install_options=None,
        op_args=None,
        op_kwargs=None,
        string_args=None,
        templates_dict=None,
        templates_exts=None,
        expect_airflow=True,
        skip_on_exit_code=None,
        index_urls=None,
        venv_cache_path=None,
        use_dill=False,
        **kwargs
    ):
        super(PythonVirtualenvOperator, self).__init__(
            python_callable=python_callable,
            op_args=op_args,
            op_kwargs=op_kwargs,
            templates_dict=templates_dict,
            templates_exts=templates_exts,
            **kwargs
        )
        self.requirements = requirements or []
        self.python_version = python_version
        self.serializer = serializer
        self.system_site_packages = system_site_packages
        self.pip_install_options = pip_install_options
        self.string_args = string_args or []
        self.expect_airflow = expect_airflow
        self.skip_on_exit_code = skip_on_exit_code
        self.index_urls = index_urls
        self.venv_cache_path = venv_cache_path
        self.use_dill = use_dill


class ExternalPythonOperator(PythonOperator):
    """Runs the callable with another, pre-installed Python interpreter."""

    template_fields = tuple(sorted(set(["python"]) | set(PythonOperator.template_fields)))

    def __init__(self, python, python_callable, op_args=None, op_kwargs=None, expect_airflow=True, **kwargs):
        super(ExternalPythonOperator, self).__init__(
            python_callable=python_callable, op_args=op_args, op_kwargs=op_kwargs, **kwargs
        )
        self.python = python
        self.expect_airflow = expect_airflow


def get_current_context():
    raise AirflowException(
        "Current context was requested but no context was found! Are you running within an airflow task?"
    )
