"""PythonOperator and its branching / short-circuit / virtualenv variants."""
from __future__ import absolute_import, division, print_function, unicode_literals

import inspect
import os
import types
import warnings

from airflow._vortex.compat import py_repr, string_types
from airflow.exceptions import AirflowException, RemovedInAirflow3Warning
from airflow.models.baseoperator import BaseOperator
from airflow.models.skipmixin import SkipMixin
from airflow.operators.branch import BranchMixIn
from airflow.utils.context import Context, context_merge, get_current_context  # noqa: F401 - Airflow exposes both here
from airflow.utils.operator_helpers import KeywordParameters


class PythonOperator(BaseOperator):
    """Executes a Python callable (recorded by name at parse time, called when VORTEX runs the task)."""

    template_fields = ("templates_dict", "op_args", "op_kwargs")
    template_fields_renderers = {"templates_dict": "json", "op_args": "py", "op_kwargs": "py"}
    ui_color = "#ffefeb"
    shallow_copy_attrs = ("python_callable", "op_kwargs")
    _vortex_runnable = True

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

    def execute(self, context):
        # As in Airflow, op_kwargs and templates_dict join the context, and the callable receives
        # the context values it names (all of them when it takes **kwargs).
        context_merge(context, self.op_kwargs, templates_dict=self.templates_dict)
        self.op_kwargs = self.determine_kwargs(context)
        return_value = self.execute_callable()
        if self.show_return_value_in_logs:
            self.log.info("Done. Returned value was: %s", return_value)
        else:
            self.log.info("Done. Returned value not shown")
        return return_value

    def determine_kwargs(self, context):
        return KeywordParameters.determine(self.python_callable, self.op_args, context).unpacking()

    def execute_callable(self):
        return self.python_callable(*self.op_args, **self.op_kwargs)


class BranchPythonOperator(PythonOperator, BranchMixIn):
    """The callable returns the task id(s) to follow; the other direct downstreams are skipped."""

    inherits_from_skipmixin = True

    def execute(self, context):
        return self.do_branch(context, super(BranchPythonOperator, self).execute(context))


class ShortCircuitOperator(PythonOperator, SkipMixin):
    """A falsy return value skips downstream tasks."""

    inherits_from_skipmixin = True

    def __init__(self, ignore_downstream_trigger_rules=True, **kwargs):
        super(ShortCircuitOperator, self).__init__(**kwargs)
        self.ignore_downstream_trigger_rules = ignore_downstream_trigger_rules

    def execute(self, context):
        condition = super(ShortCircuitOperator, self).execute(context)
        self.log.info("Condition result is %s", condition)
        if condition:
            self.log.info("Proceeding with downstream tasks...")
            return condition
        # Airflow skips every task downstream (but teardowns) when ignore_downstream_trigger_rules,
        # else only the direct downstream tasks; VORTEX's scheduler does, from the recorded flag.
        context["ti"]._vortex_short_circuit = {"ignore_downstream_trigger_rules": self.ignore_downstream_trigger_rules}
        if not self.downstream_task_ids:
            self.log.info("No downstream tasks; nothing to do.")
            return condition
        self.log.info("Skipping downstream tasks")
        self.log.info("Done.")
        return condition


_SERIALIZERS = ("pickle", "dill", "cloudpickle")


def _which(program):
    """``shutil.which`` (Python 3 only) for both interpreters."""
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(folder, program)
        if folder and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def _module_exists(name):
    """``importlib.util.find_spec(name) is not None`` for a top-level module, without importing it."""
    try:
        from importlib.util import find_spec
    except ImportError:  # Python 2 / Jython
        import imp

        try:
            imp.find_module(name)
        except ImportError:
            return False
        return True
    return find_spec(name) is not None


def is_venv_installed():
    """Whether the ``virtualenv`` tool is on the PATH or importable, as Airflow checks it.

    VORTEX asks on the parsing host; PythonVirtualenvOperator does not require it there, since the
    task never runs while parsing (Airflow raises when it is missing).
    """
    return bool(_which("virtualenv") or _module_exists("virtualenv"))


def task(python_callable=None, multiple_outputs=None, **kwargs):
    """Deprecated alias of ``@task`` kept by Airflow 2 in this module."""
    from airflow.decorators.python import python_task

    warnings.warn(
        """airflow.operators.python.task is deprecated. Please use the following instead

        from airflow.decorators import task
        @task
        def my_task()""",
        RemovedInAirflow3Warning,
        stacklevel=2,
    )
    return python_task(python_callable=python_callable, multiple_outputs=multiple_outputs, **kwargs)


def _is_container(value):
    return hasattr(value, "__contains__")


class _BasePythonVirtualenvOperator(PythonOperator):
    """What the virtualenv and external-Python operators share: a plain function, a serializer."""

    # The callable runs in another interpreter, which VORTEX starts itself.
    _vortex_runnable = False

    def __init__(
        self,
        python_callable,
        serializer=None,
        op_args=None,
        op_kwargs=None,
        string_args=None,
        templates_dict=None,
        templates_exts=None,
        expect_airflow=True,
        skip_on_exit_code=None,
        env_vars=None,
        inherit_env=True,
        use_dill=False,
        use_airflow_context=False,
        **kwargs
    ):
        if not isinstance(python_callable, types.FunctionType) or python_callable.__name__ == "<lambda>":
            raise ValueError("%s only supports functions for python_callable arg" % type(self).__name__)
        if inspect.isgeneratorfunction(python_callable):
            raise ValueError("%s does not support using 'yield' in python_callable" % type(self).__name__)
        super(_BasePythonVirtualenvOperator, self).__init__(
            python_callable=python_callable,
            op_args=op_args,
            op_kwargs=op_kwargs,
            templates_dict=templates_dict,
            templates_exts=templates_exts,
            **kwargs
        )
        self.string_args = string_args or []
        if use_dill:
            warnings.warn(
                "`use_dill` is deprecated and will be removed in a future version. "
                "Please provide serializer='dill' instead.",
                RemovedInAirflow3Warning,
                stacklevel=3,
            )
            if serializer:
                raise AirflowException(
                    "Both 'use_dill' and 'serializer' parameters are set. Please set only one of them"
                )
            serializer = "dill"
        serializer = serializer or "pickle"
        if serializer not in _SERIALIZERS:
            raise AirflowException(
                "Unsupported serializer %s. Expected one of %s"
                % (py_repr(serializer), ", ".join(py_repr(s) for s in _SERIALIZERS))
            )
        self.serializer = serializer
        self.expect_airflow = expect_airflow
        if _is_container(skip_on_exit_code):
            self.skip_on_exit_code = skip_on_exit_code
        else:
            self.skip_on_exit_code = [skip_on_exit_code] if skip_on_exit_code is not None else []
        self.env_vars = env_vars
        self.inherit_env = inherit_env
        self.use_dill = use_dill
        self.use_airflow_context = use_airflow_context


class PythonVirtualenvOperator(_BasePythonVirtualenvOperator):
    """Runs the callable in a virtualenv built from ``requirements``."""

    template_fields = tuple(sorted(set(["requirements", "index_urls", "venv_cache_path"]) | set(PythonOperator.template_fields)))
    template_ext = (".txt",)

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
        env_vars=None,
        inherit_env=True,
        use_dill=False,
        use_airflow_context=False,
        **kwargs
    ):
        # Airflow also refuses op_args/op_kwargs for another Python major version than its own and
        # raises when virtualenv is missing; both depend on the host, and VORTEX never runs the task here.
        if python_version is not None and not isinstance(python_version, string_types):
            warnings.warn(
                "Passing non-string types (e.g. int or float) as python_version "
                "is deprecated. Please use string value instead.",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )
        if use_airflow_context and (not expect_airflow and not system_site_packages):
            raise AirflowException(
                "use_airflow_context is set to True, but expect_airflow and system_site_packages are set to False."
            )
        if not requirements:
            self.requirements = []
        elif isinstance(requirements, string_types):
            self.requirements = [requirements]
        else:
            self.requirements = list(requirements)
        self.python_version = python_version
        self.system_site_packages = system_site_packages
        self.pip_install_options = pip_install_options
        if isinstance(index_urls, string_types):
            self.index_urls = [index_urls]
        elif index_urls is not None and _is_container(index_urls) and hasattr(index_urls, "__iter__"):
            self.index_urls = list(index_urls)
        else:
            self.index_urls = None
        self.venv_cache_path = venv_cache_path
        super(PythonVirtualenvOperator, self).__init__(
            python_callable=python_callable,
            serializer=serializer,
            op_args=op_args,
            op_kwargs=op_kwargs,
            string_args=string_args,
            templates_dict=templates_dict,
            templates_exts=templates_exts,
            expect_airflow=expect_airflow,
            skip_on_exit_code=skip_on_exit_code,
            env_vars=env_vars,
            inherit_env=inherit_env,
            use_dill=use_dill,
            use_airflow_context=use_airflow_context,
            **kwargs
        )


class BranchPythonVirtualenvOperator(PythonVirtualenvOperator):
    """PythonVirtualenvOperator whose callable returns the task id(s) to follow; other branches are skipped."""

    inherits_from_skipmixin = True


class ExternalPythonOperator(_BasePythonVirtualenvOperator):
    """Runs the callable with another, pre-installed Python interpreter."""

    template_fields = tuple(sorted(set(["python"]) | set(PythonOperator.template_fields)))

    def __init__(
        self,
        python,
        python_callable,
        serializer=None,
        op_args=None,
        op_kwargs=None,
        string_args=None,
        templates_dict=None,
        templates_exts=None,
        expect_airflow=True,
        expect_pendulum=False,
        skip_on_exit_code=None,
        env_vars=None,
        inherit_env=True,
        use_dill=False,
        use_airflow_context=False,
        **kwargs
    ):
        if not python:
            raise ValueError("Python Path must be defined in ExternalPythonOperator")
        if use_airflow_context and not expect_airflow:
            raise AirflowException("use_airflow_context is set to True, but expect_airflow is set to False.")
        self.python = python
        self.expect_pendulum = expect_pendulum
        super(ExternalPythonOperator, self).__init__(
            python_callable=python_callable,
            serializer=serializer,
            op_args=op_args,
            op_kwargs=op_kwargs,
            string_args=string_args,
            templates_dict=templates_dict,
            templates_exts=templates_exts,
            expect_airflow=expect_airflow,
            skip_on_exit_code=skip_on_exit_code,
            env_vars=env_vars,
            inherit_env=inherit_env,
            use_dill=use_dill,
            use_airflow_context=use_airflow_context,
            **kwargs
        )


class BranchExternalPythonOperator(ExternalPythonOperator):
    """ExternalPythonOperator whose callable returns the task id(s) to follow; other branches are skipped."""

    inherits_from_skipmixin = True
