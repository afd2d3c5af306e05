"""The error object VORTEX reports for a DAG file that failed to import and for a task that failed
(docs/dag-serialization.md, "Error object")."""
from __future__ import absolute_import, division, print_function, unicode_literals

import os
import sys
import traceback
from collections import OrderedDict

from airflow._vortex.compat import PY2, text_type


def error_object(exc_info, path, message=None, helpers_folder=None):
    """The error object of ``exc_info`` for the DAG file ``path``.

    Its traceback shows the DAG file's frames, those of helper modules under ``helpers_folder`` when
    given (a task's traceback), and the frame that raised.
    """
    exc_type, exc, tb = exc_info
    frames = traceback.extract_tb(tb)
    in_file = [frame for frame in frames if frame[0] == path]
    line = in_file[-1][1] if in_file else None
    if isinstance(exc, SyntaxError) and (exc.filename == path or not in_file):
        line = exc.lineno if exc.filename == path else line
    helpers_prefix = os.path.join(os.path.abspath(helpers_folder), "") if helpers_folder else None

    def shown(filename):
        return filename == path or bool(helpers_prefix) and os.path.abspath(filename).startswith(helpers_prefix)

    return OrderedDict(
        [
            ("kind", _kind(exc_type)),
            ("exception", _qualified_exception_name(exc_type)),
            ("message", message or _one_line(exc)),
            ("line", line),
            ("filename", path),
            ("traceback", _filtered_traceback_text(frames, shown, exc_type, exc)),
        ]
    )


def protocol_error_object(message):
    """The error object of a request the shim cannot serve as asked."""
    return OrderedDict(
        [("kind", "ProtocolError"), ("message", message), ("line", None), ("filename", None), ("traceback", "")]
    )


def _kind(exc_type):
    if issubclass(exc_type, SyntaxError):
        return "SyntaxError"
    if issubclass(exc_type, ImportError):
        return "ImportError"
    return exc_type.__name__


def _one_line(exc):
    if isinstance(exc, SyntaxError) and getattr(exc, "msg", None):
        text = exc.msg
    elif isinstance(exc, KeyError) and len(exc.args) == 1:
        text = "%s" % (exc.args[0],)
    else:
        text = _exception_text(exc)
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def _exception_text(exc):
    try:
        return text_type(exc)
    except UnicodeError:
        return repr(exc)


def _qualified_exception_name(exc_type):
    module = getattr(exc_type, "__module__", "")
    if module in ("builtins", "exceptions", "__builtin__", None, ""):
        return exc_type.__name__
    return "%s.%s" % (module, exc_type.__name__)


def traceback_text(frames, exc_type, exc):
    """``Traceback (most recent call last):``, the frames, then the exception line, as Python prints it
    (the exception named with its module, as Airflow's logs show it)."""
    lines = []
    if frames:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(frames))
    if isinstance(exc, SyntaxError):
        lines.extend(traceback.format_exception_only(exc_type, exc))
    else:
        text = _exception_text(exc)
        lines.append("%s: %s\n" % (_qualified_exception_name(exc_type), text) if text else "%s\n" % exc_type.__name__)
    return "".join(_text(line) for line in lines)


def _filtered_traceback_text(frames, shown, exc_type, exc):
    """Airflow-like: the frames ``shown`` keeps and the frame that raised, then the exception line."""
    kept = [frame for frame in frames if shown(frame[0])]
    if frames and not shown(frames[-1][0]) and not isinstance(exc, SyntaxError):
        kept.append(frames[-1])
    return traceback_text(kept, exc_type, exc)


def _text(value):
    if PY2 and isinstance(value, str):
        return value.decode(sys.getfilesystemencoding() or "utf-8", "replace")
    return value
