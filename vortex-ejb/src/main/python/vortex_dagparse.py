"""VORTEX's DAG parser: imports a DAG file (or builds a dag_factory spec) and returns its graph as JSON;
it also runs a Python task of a DAG file (op run_task).

Used in-process by the Jython engine (``parse_file``/``parse_spec``/``handle_request``) and as a
long-lived CPython worker (``python3 vortex_dagparse.py``: one JSON request per stdin line, one JSON
answer per stdout line). The result and error formats are described in docs/dag-serialization.md.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import hashlib
import json
import os
import platform
import re
import sys
import types
from collections import OrderedDict

_HERE = os.path.dirname(os.path.abspath(__file__))
# Appended last so that a real pendulum, when installed, wins over the stand-in.
_FALLBACK = os.path.join(_HERE, "vortex_fallback")
if _FALLBACK not in sys.path:
    sys.path.append(_FALLBACK)

from airflow import settings  # noqa: E402
from airflow._vortex import task_runner  # noqa: E402
from airflow._vortex.compat import PY2, exec_code, text_type  # noqa: E402
from airflow._vortex.errors import error_object, protocol_error_object  # noqa: E402
from airflow._vortex.serialization import serialize_dag  # noqa: E402
from airflow.models.dag import DAG, DagContext  # noqa: E402
from airflow.utils.dag_cycle_tester import check_cycle  # noqa: E402
from airflow.utils.task_group import TaskGroupContext  # noqa: E402

_ADDED_DAG_FOLDERS = set()
# path -> module name; hashing the path again for every parse of the same file showed on Jython.
_MODULE_NAMES = {}
_MODULE_NAMES_LIMIT = 100000


def parse_file(path, dags_folder=None):
    """JSON text ``{"dags": [...], "error": null}`` or ``{"dags": [], "error": {...}}`` for one DAG file."""
    return _to_json(parse_file_result(path, dags_folder))


def parse_spec(spec_json, path):
    """The same result shape for a dag_factory spec (YAML or JSON already turned into JSON text)."""
    return _to_json(parse_spec_result(spec_json, path))


def parse_file_result(path, dags_folder=None):
    """Like parse_file, as a dict; whatever the file prints goes to stderr."""
    saved_stdout = sys.stdout
    sys.stdout = sys.stderr
    try:
        return _parse_file(_text(path), _text(dags_folder) if dags_folder else None)
    finally:
        sys.stdout = saved_stdout
        _reset_shim_state()


def parse_spec_result(spec_json, path):
    from airflow._vortex.dag_factory import DagFactoryError, build_dags

    saved_stdout = sys.stdout
    sys.stdout = sys.stderr
    path = _text(path) if path else None
    _reset_shim_state()
    try:
        try:
            spec = json.loads(spec_json, object_pairs_hook=OrderedDict)
        except ValueError as error:
            raise DagFactoryError("The dag_factory spec is not valid JSON: %s" % error)
        dags = build_dags(spec, path)
        for dag in dags:
            dag._vortex_line = None
            _validate(dag)
        return {"dags": [serialize_dag(dag, is_dynamic=True) for dag in dags], "error": None}
    except KeyboardInterrupt:
        raise
    except:  # noqa: E722 - Jython surfaces Java exceptions that do not derive from Exception
        return {"dags": [], "error": error_object(sys.exc_info(), path)}
    finally:
        sys.stdout = saved_stdout
        _reset_shim_state()


def _text(value):
    if PY2 and isinstance(value, str):
        return value.decode(sys.getfilesystemencoding() or "utf-8")
    return value


def _to_json(result):
    return text_type(json.dumps(result, ensure_ascii=True))


def _reset_shim_state(module_name=None, path=None):
    DagContext.reset(module_name, path)
    TaskGroupContext.reset()


def _might_contain_dag(source):
    """Airflow's safe-mode heuristic: files mentioning neither "airflow" nor "dag" are not imported."""
    lowered = source.lower()
    return b"airflow" in lowered and b"dag" in lowered


def _module_name(path):
    name = _MODULE_NAMES.get(path)
    if name is None:
        stem = os.path.splitext(os.path.basename(path))[0]
        digest = hashlib.sha1(path.encode("utf-8")).hexdigest()
        name = "unusual_prefix_%s_%s" % (digest, stem)
        if len(_MODULE_NAMES) >= _MODULE_NAMES_LIMIT:
            _MODULE_NAMES.clear()
        _MODULE_NAMES[path] = name
    return name


def _add_dags_folder(dags_folder):
    if dags_folder and dags_folder not in _ADDED_DAG_FOLDERS:
        _ADDED_DAG_FOLDERS.add(dags_folder)
        if dags_folder not in sys.path:
            sys.path.append(dags_folder)


def _forget_modules(before, dags_folder, module_name):
    """Drop the DAG module and helpers imported from the DAG folder, so a changed helper is re-read."""
    sys.modules.pop(module_name, None)
    if not dags_folder:
        return
    added = set(sys.modules).difference(before)
    if not added:
        return
    prefix = os.path.join(os.path.abspath(dags_folder), "")
    for name in added:
        filename = getattr(sys.modules.get(name), "__file__", None) or ""
        if os.path.abspath(filename).startswith(prefix):
            del sys.modules[name]


def _parse_file(path, dags_folder):
    _add_dags_folder(dags_folder)
    try:
        source = _read(path)
    except (IOError, OSError) as error:
        return {"dags": [], "error": error_object(sys.exc_info(), path, message=str(error))}
    if not _might_contain_dag(source):
        return {"dags": [], "error": None}

    module_name = _module_name(path)
    modules_before = set(sys.modules)
    try:
        module, text, dags = _import_dag_file(path, dags_folder, source)
        dynamic = _dynamic_dags(dags, module, text)
        return {"dags": [serialize_dag(dag, is_dynamic=id(dag) in dynamic) for dag in dags], "error": None}
    except KeyboardInterrupt:
        raise
    except:  # noqa: E722 - DAG files may raise anything, SystemExit and Java exceptions included
        return {"dags": [], "error": error_object(sys.exc_info(), path)}
    finally:
        _forget_modules(modules_before, dags_folder, module_name)


def _read(path):
    with open(path, "rb") as handle:
        return handle.read()


def _import_dag_file(path, dags_folder, source):
    """(module, text, DAGs): runs the file as a fresh module and bags its DAGs, as Airflow's DagBag does.

    The DAGs are validated, their subdags added. The caller forgets the module and its helpers.
    """
    module_name = _module_name(path)
    _reset_shim_state(module_name, path)
    settings.use_dags_folder(dags_folder)
    module = types.ModuleType(str(module_name))
    module.__file__ = path
    sys.modules[module_name] = module
    code = compile(source, path, "exec", 0, True)
    exec_code(code, module.__dict__)
    text = source.decode("utf-8", "replace")
    _refine_dag_lines(text)
    dags = _collect_dags(module)
    for dag in dags:
        dag.fileloc = path
        _validate(dag)
    return module, text, _with_subdags(dags)


def run_task_result(request):
    """Runs one task of a DAG file (op run_task) as Airflow's task runner does; the answer as a dict.

    The file is imported as parse_file imports it, inside the task's log capture: what the file and
    the task print or log goes to the task's log file. The shim's state is reset afterwards.
    """
    missing = [name for name in ("path", "dag_id", "task_id", "log_path") if not request.get(name)]
    if missing:
        return task_runner.answer("failed", error=protocol_error_object("run_task needs %s" % ", ".join(missing)))
    path = _text(request["path"])
    dags_folder = _text(request["dags_folder"]) if request.get("dags_folder") else None
    _add_dags_folder(dags_folder)
    try:
        task_run = task_runner.TaskRun(request, path, dags_folder)
    except (IOError, OSError):
        return task_runner.answer("failed", retry=True, error=error_object(sys.exc_info(), path))
    modules_before = set(sys.modules)
    with task_run:
        try:
            try:
                source = _read(path)
                dags = _import_dag_file(path, dags_folder, source)[2] if _might_contain_dag(source) else []
            except KeyboardInterrupt:
                raise
            except:  # noqa: E722 - as in _parse_file
                return task_run.import_failed(sys.exc_info())
            return task_run.execute(dags)
        finally:
            _forget_modules(modules_before, dags_folder, _module_name(path))
            _reset_shim_state()


def _refine_dag_lines(text):
    """Point each DAG's line at its ``DAG(`` call.

    Jython reports the previous statement's line while a ``with`` statement evaluates its
    expression, so a reported line without ``DAG(`` is moved to the next line that has one.
    """
    lines = text.splitlines()
    # Lines already holding the call of another DAG (e.g. a subdag factory defined just above the
    # ``with`` block) are not the ``with`` line.
    claimed = set(
        dag._vortex_line
        for dag in DagContext.created_dags
        if dag._vortex_line is not None and (dag._vortex_line_exact or "DAG(" in lines[dag._vortex_line - 1])
    )
    for dag in DagContext.created_dags:
        line = dag._vortex_line
        if line is None or dag._vortex_line_exact or "DAG(" in lines[line - 1]:
            continue
        for candidate in range(line, min(len(lines), line + 200)):
            if "DAG(" in lines[candidate] and candidate + 1 not in claimed:
                dag._vortex_line = candidate + 1
                break


def _validate(dag):
    dag.validate()
    check_cycle(dag)


def _collect_dags(module):
    """Top-level DAG globals plus DAGs registered by ``with DAG`` / ``@dag``, one per dag_id, in creation order."""
    found = [value for value in list(module.__dict__.values()) if isinstance(value, DAG)]
    found.extend(DagContext.autoregistered_dags)
    return _one_per_dag_id(found)


def _with_subdags(dags):
    """The DAGs plus the subdags their SubDagOperators run, nested ones too, as Airflow's DagBag bags them.

    A subdag takes its parent's file; it is checked for cycles (DagBag does not validate subdags further).
    """
    found = list(dags)
    pending = list(dags)
    visited = set(id(dag) for dag in dags)
    while pending:
        parent = pending.pop(0)
        for subdag in parent.subdags_of_tasks():
            subdag.fileloc = parent.fileloc
            subdag.parent_dag = parent
            subdag.is_subdag = True
            if id(subdag) in visited:
                continue
            visited.add(id(subdag))
            check_cycle(subdag)
            found.append(subdag)
            pending.append(subdag)
    return _one_per_dag_id(found) if len(found) > len(dags) else dags


def _one_per_dag_id(found):
    by_identity = dict((id(dag), dag) for dag in found)
    by_dag_id = {}
    for dag in sorted(by_identity.values(), key=lambda d: d._vortex_sequence):
        by_dag_id[dag.dag_id] = dag
    return sorted(by_dag_id.values(), key=lambda d: d._vortex_sequence)


def _dynamic_dags(dags, module, text):
    """Ids of DAGs generated by code: several DAGs built by one source line, or a global set via globals()."""
    per_line = {}
    for dag in DagContext.created_dags:
        if dag._vortex_line is not None:
            per_line[dag._vortex_line] = per_line.get(dag._vortex_line, 0) + 1
    dynamic = set(id(d) for d in dags if d._vortex_line is not None and per_line[d._vortex_line] > 1)
    for name, value in list(module.__dict__.items()):
        if isinstance(value, DAG) and not _mentions(text, name):
            dynamic.add(id(value))
    return dynamic


_WORD = re.compile(r"\w+\Z")


def _is_word_char(char):
    """What ``\\w`` matches in these patterns: any alphanumeric on Python 3, ASCII ones on Python 2."""
    if PY2 and ord(char) >= 128:
        return False
    return char.isalnum() or char == "_"


def _mentions(text, name):
    """Whether ``re.search(r"\\b<name>\\b", text)`` finds ``name`` as a whole word.

    Found with str.find for names made of word characters (identifiers): Jython's regex engine
    copies the whole text for every search.
    """
    if not _WORD.match(name):
        return re.search(r"\b%s\b" % re.escape(name), text) is not None
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or not _is_word_char(text[start - 1])) and (end == len(text) or not _is_word_char(text[end])):
            return True
        start = text.find(name, start + 1)
    return False


def handle_request(line):
    """Answers one request of the worker protocol as JSON text: the in-process (Jython) way in."""
    return json.dumps(_handle_request(line), ensure_ascii=True)


def _handle_request(line):
    try:
        request = json.loads(line)
    except ValueError as error:
        return _protocol_error(None, "Request is not JSON: %s" % error)
    request_id = request.get("id")
    operation = request.get("op")
    if operation == "parse_file":
        result = _with_timeout(request.get("timeout"), request.get("path"), parse_file_result, request.get("path"), request.get("dags_folder"))
    elif operation == "parse_spec":
        result = parse_spec_result(request.get("spec") or "", request.get("path"))
    elif operation == "run_task":
        result = run_task_result(request)
    else:
        return _protocol_error(request_id, "Unknown op %r; expected parse_file, parse_spec or run_task" % operation)
    answer = OrderedDict([("id", request_id)])
    answer.update(result)
    return answer


def _with_timeout(seconds, path, function, *args):
    """Airflow's dagbag_import_timeout, for the CPython worker (Jython's caller enforces its own)."""
    if not seconds:
        return function(*args)
    # imported only when asked for: Jython's signal module fails inside an application server
    import signal

    if not hasattr(signal, "setitimer"):
        return function(*args)

    def on_alarm(_signum, _frame):
        from airflow.exceptions import AirflowTaskTimeout

        raise AirflowTaskTimeout("DagBag import timeout for %s after %ss." % (path, float(seconds)))

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        return function(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _protocol_error(request_id, message):
    return OrderedDict([("id", request_id), ("dags", []), ("error", protocol_error_object(message))])


def main():
    """The CPython worker loop. The protocol owns the process's stdout through a descriptor of its own;
    descriptor 1 and sys.stdout go to stderr, so neither a DAG file nor a task (nor a process it
    starts) can write into the protocol."""
    protocol_out = os.fdopen(os.dup(1), "w")
    sys.stdout.flush()
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def send(obj):
        protocol_out.write(json.dumps(obj, ensure_ascii=True) + "\n")
        protocol_out.flush()

    send(OrderedDict([("ready", True), ("python", platform.python_version())]))
    while True:
        line = sys.stdin.readline()
        if not line:
            return 0
        if line.strip():
            send(_handle_request(line))


if __name__ == "__main__":
    sys.exit(main())
