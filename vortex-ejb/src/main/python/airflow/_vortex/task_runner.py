"""run_task: one task of an imported DAG file, run as Airflow 2.10's task runner runs it.

The request, the answer and the log format are described in docs/dag-serialization.md ("Running tasks").
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import datetime
import io
import logging
import os
import sys
import threading
import traceback
from collections import OrderedDict

from airflow import macros
from airflow._vortex.compat import JYTHON, PY2, py_repr
from airflow._vortex.errors import error_object, protocol_error_object, traceback_text
from airflow.configuration import conf
from airflow.exceptions import (
    AirflowException,
    AirflowFailException,
    AirflowSensorTimeout,
    AirflowSkipException,
    TaskNotFound,
)
from airflow.models.dagrun import DagRun
from airflow.models.mappedoperator import MappedOperator
from airflow.models.taskinstance import TaskInstance
from airflow.models.variable import Variable
from airflow.models.xcom import XCOM_RETURN_KEY, multiple_outputs_items
from airflow.timetables.interval import CronDataIntervalTimetable, DeltaDataIntervalTimetable
from airflow.utils import timezone
from airflow.utils.context import ConnectionAccessor, Context, VariableAccessor, set_current_context

_log = logging.getLogger("airflow.task")
_LOG_FORMAT = "[%(asctime)s] {%(filename)s:%(lineno)d} %(levelname)s - %(message)s"

if JYTHON:
    # Jython's logging looks for its own frames under the source file name while they run from the
    # compiled one ($py.class), so a logging.info() call was reported at a line of logging itself.
    logging._srcfile = os.path.normcase(logging.Logger.findCaller.__code__.co_filename)


class TaskRun(object):
    """One run_task request. While it is open, whatever is printed or logged goes to the task's log
    file and ``Variable.get`` answers from the request's variables; both are restored on close.

    Opening the log file may raise IOError/OSError.
    """

    def __init__(self, request, path, dags_folder):
        self.request = request
        self.path = path
        self.dags_folder = dags_folder
        self.dag_id = request["dag_id"]
        self.task_id = request["task_id"]
        self._output = _TaskLogOutput(request["log_path"])
        self._saved_lookup = None

    def __enter__(self):
        self._output.start()
        variables = self.request.get("variables") or {}
        self._saved_lookup = Variable.__dict__["_lookup"]
        Variable._lookup = staticmethod(variables.get)
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        Variable._lookup = self._saved_lookup
        self._output.stop()

    def import_failed(self, exc_info):
        """The answer for a DAG file that could not be imported: Airflow cannot find the DAG then."""
        message = _dag_not_found(self.dag_id)
        error = error_object(exc_info, self.path, message=message)
        _log.error("Failed to import: %s\n%s", self.path, error["traceback"].rstrip("\n"))
        _log.error("%s", message)
        return answer("failed", retry=True, error=error)

    def execute(self, dags):
        """Runs the task of the imported file's ``dags`` (subdags included) and answers how it ended."""
        dag = _dag_with_id(dags, self.dag_id)
        if dag is None:
            return self._not_found(AirflowException(_dag_not_found(self.dag_id)))
        if self.task_id not in dag.task_dict:
            return self._not_found(
                TaskNotFound("Task %s not found in DAG %s" % (py_repr(self.task_id), py_repr(self.dag_id)))
            )
        ti = None
        try:
            task = _operator_to_run(dag.task_dict[self.task_id], self.request.get("rendered") or {})
            ti, context = _task_instance_and_context(task, self.request)
            with set_current_context(context):
                _execute_task(task, context)
        except _NotRunnable as refusal:
            _log.error("%s", refusal)
            return answer("failed", retry=False, error=protocol_error_object(refusal.args[0]))
        except AirflowSkipException as skip:
            if skip.args:
                _log.info("%s", skip)
            return answer("skipped", ti)
        except (AirflowFailException, AirflowSensorTimeout):
            return self._task_failed(sys.exc_info(), ti, retry=False)
        except KeyboardInterrupt:
            raise
        except:  # noqa: E722 - tasks may raise anything, SystemExit and Java exceptions included
            return self._task_failed(sys.exc_info(), ti, retry=True)
        return answer("success", ti)

    def _not_found(self, error):
        _log.error("%s", error)
        return answer("failed", retry=True, error=error_object((type(error), error, None), self.path))

    def _task_failed(self, exc_info, ti, retry):
        _log.error("Task failed with exception\n%s", _task_traceback(exc_info).rstrip("\n"))
        return answer("failed", ti, retry=retry, error=error_object(exc_info, self.path, helpers_folder=self.dags_folder))


def answer(state, ti=None, retry=False, error=None):
    """The run_task answer (without its id). What a successful task decided for the scheduler is only
    reported on success."""
    succeeded = state == "success" and ti is not None
    return OrderedDict(
        [
            ("state", state),
            ("xcoms", ti.pushed_xcoms if ti is not None else []),
            ("follow", ti._vortex_follow if succeeded else None),
            ("short_circuit", ti._vortex_short_circuit if succeeded else None),
            ("bash_command", ti._vortex_bash_command if succeeded else None),
            ("retry", retry),
            ("error", error),
        ]
    )


class _NotRunnable(Exception):
    """A task that run_task leaves to VORTEX, or cannot build: answered as a ProtocolError."""


def _dag_not_found(dag_id):
    return "Dag %s could not be found; either it does not exist or it failed to parse." % py_repr(dag_id)


def _dag_with_id(dags, dag_id):
    for dag in dags:
        if dag.dag_id == dag_id:
            return dag
    return None


def _operator_to_run(task, rendered):
    """The operator to execute, its template fields replaced by their ``rendered`` values."""
    if isinstance(task, MappedOperator):
        task = _unmapped(task, rendered)
    else:
        for name, value in rendered.items():
            setattr(task, name, value)
    if not _is_runnable(task):
        raise _NotRunnable("run_task cannot run %s" % task.task_type)
    return task


def _unmapped(mapped, rendered):
    """The operator one map index of a mapped task runs, as Airflow's MappedOperator.unmap builds it:
    the partial arguments plus this index's mapped ones, which VORTEX resolves and sends in
    ``rendered`` (for ``@task`` functions inside ``op_kwargs``)."""
    kwargs = dict(mapped.partial_kwargs)
    if "python_callable" in vars(mapped):
        kwargs["python_callable"] = mapped.python_callable
    else:
        missing = sorted(set(mapped.expand_input or {}) - set(rendered))
        if missing:
            raise _NotRunnable("run_task needs the mapped arguments of %s: %s" % (mapped.task_id, ", ".join(missing)))
    kwargs.update(rendered)
    kwargs.update(
        task_id=mapped.task_id,
        dag=mapped.dag,
        task_group=mapped.task_group,
        params=mapped.params,
        start_date=mapped.start_date,
        end_date=mapped.end_date,
        _airflow_from_mapped=True,
    )
    operator = mapped.operator_class(**kwargs)
    # The operator prefixes its group id (and de-duplicates) again, as in Airflow, which resets it too.
    operator.task_id = mapped.task_id
    return operator


def _is_runnable(task):
    """Operators whose shim execute() runs the task, and any operator with an execute() of its own."""
    if task._vortex_runnable:
        return True
    for cls in type(task).__mro__:
        if "execute" in cls.__dict__:
            module = cls.__module__ or ""
            return module != "airflow" and not module.startswith("airflow.")
    return False


def _task_instance_and_context(task, request):
    """The ``ti`` and the context Airflow 2.10 gives the task (get_template_context)."""
    run = request.get("context") or {}
    logical_date = _pendulum_datetime(run["logical_date"])
    dag = task.dag
    dag_run = DagRun(
        dag_id=dag.dag_id,
        run_id=run.get("run_id"),
        execution_date=logical_date,
        start_date=_pendulum_datetime(run.get("dag_run_start_date")),
        external_trigger=run.get("external_trigger"),
        conf=run.get("conf"),
        state="running",
        run_type=run.get("run_type"),
        data_interval=(
            _pendulum_datetime(run.get("data_interval_start")),
            _pendulum_datetime(run.get("data_interval_end")),
        ),
    )
    ti = TaskInstance(
        task, execution_date=logical_date, run_id=dag_run.run_id, state="running", map_index=request.get("map_index", -1)
    )
    ti.try_number = run.get("try_number", 1)
    ti.max_tries = run.get("max_tries", task.retries)
    ti.dag_run = dag_run
    ti._vortex_run_xcoms = request.get("xcoms") or []

    ds = run.get("ds") or logical_date.strftime("%Y-%m-%d")
    ts = run.get("ts") or logical_date.isoformat()
    ds_nodash = run.get("ds_nodash") or ds.replace("-", "")
    previous, following = _neighbour_logical_dates(dag, dag_run)
    context = Context(
        conf=conf,
        conn=ConnectionAccessor(),
        dag=dag,
        dag_run=dag_run,
        data_interval_end=dag_run.data_interval_end,
        data_interval_start=dag_run.data_interval_start,
        ds=ds,
        ds_nodash=ds_nodash,
        execution_date=logical_date,
        expanded_ti_count=None,
        inlets=task.inlets,
        logical_date=logical_date,
        macros=macros,
        map_index_template=task.map_index_template,
        next_ds=_ds(following),
        next_ds_nodash=_ds_nodash(following),
        next_execution_date=following,
        outlets=task.outlets,
        params=run["params"] if run.get("params") is not None else task.params.dump(),
        prev_data_interval_start_success=None,
        prev_data_interval_end_success=None,
        prev_ds=_ds(previous),
        prev_ds_nodash=_ds_nodash(previous),
        prev_execution_date=previous,
        prev_execution_date_success=None,
        prev_start_date_success=None,
        prev_end_date_success=None,
        run_id=dag_run.run_id,
        task=task,
        task_instance=ti,
        task_instance_key_str="%s__%s__%s" % (task.dag_id, task.task_id, ds_nodash),
        test_mode=False,
        ti=ti,
        tomorrow_ds=_ds(logical_date + datetime.timedelta(days=1)),
        tomorrow_ds_nodash=_ds_nodash(logical_date + datetime.timedelta(days=1)),
        triggering_dataset_events={},
        ts=ts,
        ts_nodash=run.get("ts_nodash") or logical_date.strftime("%Y%m%dT%H%M%S"),
        ts_nodash_with_tz=run.get("ts_nodash_with_tz") or ts.replace("-", "").replace(":", ""),
        var={"json": VariableAccessor(deserialize_json=True), "value": VariableAccessor(deserialize_json=False)},
        yesterday_ds=_ds(logical_date - datetime.timedelta(days=1)),
        yesterday_ds_nodash=_ds_nodash(logical_date - datetime.timedelta(days=1)),
    )
    return ti, context


def _pendulum_datetime(text):
    """A pendulum DateTime in UTC, as Airflow hands out dates (the fallback stand-in without pendulum)."""
    if text is None:
        return None
    import pendulum

    return pendulum.parse(text).in_timezone("UTC")


def _neighbour_logical_dates(dag, dag_run):
    """Airflow's (prev_execution_date, next_execution_date): a manual run's own logical date; for a
    data-interval schedule, the next run's (it starts where this run's interval ends) and, on a
    timedelta schedule, the previous run's; None otherwise (a cron schedule's previous run needs
    the cron expression evaluated, which the shim does not do)."""
    if dag_run.external_trigger:
        return dag_run.logical_date, dag_run.logical_date
    timetable = dag.timetable
    previous = dag_run.logical_date - timetable._delta if isinstance(timetable, DeltaDataIntervalTimetable) else None
    following = (
        dag_run.data_interval_end
        if isinstance(timetable, (CronDataIntervalTimetable, DeltaDataIntervalTimetable))
        else None
    )
    return previous, following


def _ds(moment):
    return moment.strftime("%Y-%m-%d") if moment is not None else None


def _ds_nodash(moment):
    return moment.strftime("%Y%m%d") if moment is not None else None


def _execute_task(task, context):
    """Airflow's execution of a task instance (without its callbacks): pre_execute, execute, the result
    pushed as XCom(s), post_execute."""
    ti = context["ti"]
    task.pre_execute(context=context)
    try:
        result = task.execute(context=context)
    except SystemExit as exit_request:
        # As in Airflow, exiting with status 0 (or none) ends the task successfully, without a result.
        if exit_request.code is not None and exit_request.code != 0:
            raise
        result = None
    if task.do_xcom_push and result is not None:
        if task.multiple_outputs:
            for key, value in multiple_outputs_items(result):
                ti.xcom_push(key=key, value=value)
        ti.xcom_push(key=XCOM_RETURN_KEY, value=result)
    task.post_execute(context=context, result=result)


_RUNNER_FILE = _execute_task.__code__.co_filename


def _task_traceback(exc_info):
    """The traceback from where the task started running on (this module's frames left out)."""
    exc_type, exc, tb = exc_info
    frames = list(traceback.extract_tb(tb))
    while frames and frames[0][0] == _RUNNER_FILE:
        frames.pop(0)
    return traceback_text(frames, exc_type, exc)


class _TaskLogOutput(object):
    """Sends sys.stdout, sys.stderr and the root logger into the task's log file, in Airflow's format.

    On CPython, file descriptors 1 and 2 point at the file too, so child processes write into it.
    """

    def __init__(self, log_path):
        folder = os.path.dirname(log_path)
        if folder and not os.path.isdir(folder):
            try:
                os.makedirs(folder)
            except OSError:
                # Created meanwhile by another task's log, or truly impossible: opening the file tells.
                pass
        self._file = io.open(log_path, "ab")
        self._saved = None

    def start(self):
        root = logging.getLogger()
        self._saved = (sys.stdout, sys.stderr, root.handlers[:], root.level, self._point_descriptors_at_file())
        # As Airflow moves the task handler to the root logger: every logger's records reach the file.
        root.handlers = [_LogFileHandler(self._file)]
        root.setLevel(logging.INFO)
        sys.stdout = _StreamLogWriter(logging.INFO)
        sys.stderr = _StreamLogWriter(logging.WARNING)

    def stop(self):
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr, handlers, level, saved_descriptors = self._saved
        sys.stdout, sys.stderr = stdout, stderr
        root = logging.getLogger()
        root.handlers = handlers
        root.setLevel(level)
        self._restore_descriptors(saved_descriptors)
        self._file.close()

    def _point_descriptors_at_file(self):
        if JYTHON:
            # The JVM's descriptors belong to the application server.
            return None
        _flush_process_streams()
        saved = [os.dup(1), os.dup(2)]
        os.dup2(self._file.fileno(), 1)
        os.dup2(self._file.fileno(), 2)
        return saved

    @staticmethod
    def _restore_descriptors(saved):
        if saved is None:
            return
        _flush_process_streams()
        for descriptor, copy in zip((1, 2), saved):
            os.dup2(copy, descriptor)
            os.close(copy)


def _flush_process_streams():
    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is not None:
            stream.flush()


class _LogFileHandler(logging.Handler):
    """Writes each record to the log file at once (UTF-8), so the log can be followed while the task runs."""

    def __init__(self, log_file):
        logging.Handler.__init__(self)
        self._file = log_file
        self.setFormatter(_AirflowFormatter(_LOG_FORMAT))

    def emit(self, record):
        try:
            line = self.format(record)
        except Exception:
            # Python's "--- Logging error ---" report, which lands in this log through sys.stderr.
            self.handleError(record)
            return
        if PY2 and isinstance(line, str):
            line = line.decode("utf-8", "replace")
        self._file.write((line + "\n").encode("utf-8"))
        self._file.flush()


class _AirflowFormatter(logging.Formatter):
    """Airflow's task log format, times in UTC with milliseconds: ``[2026-01-01T00:00:00.123+0000]``."""

    def formatTime(self, record, datefmt=None):
        moment = datetime.datetime.fromtimestamp(record.created, timezone.utc)
        return "%s.%03d+0000" % (moment.strftime("%Y-%m-%dT%H:%M:%S"), record.msecs)


class _StreamLogWriter(object):
    """sys.stdout / sys.stderr while the task runs: each printed line becomes a record of the task's
    logger, at the location Airflow's StreamLogWriter shows (``logging_mixin.py:190``); stdout at INFO,
    stderr at WARNING, as Airflow redirects them."""

    encoding = "utf-8"

    def __init__(self, level):
        self._logger = logging.getLogger("airflow.task")
        self._level = level
        self._buffer = ""
        self._lock = threading.Lock()

    def write(self, message):
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        with self._lock:
            lines = (self._buffer + message).split("\n")
            self._buffer = lines.pop()
        for line in lines:
            self._emit(line)
        return len(message)

    def flush(self):
        with self._lock:
            line, self._buffer = self._buffer, ""
        self._emit(line)

    def isatty(self):
        return False

    def _emit(self, line):
        # Airflow drops trailing whitespace, so an empty print() adds no line.
        line = line.rstrip()
        if line and self._logger.isEnabledFor(self._level):
            self._logger.handle(
                self._logger.makeRecord(self._logger.name, self._level, "logging_mixin.py", 190, line, (), None)
            )
