"""``airflow.utils.session``: the database session helpers DAG files import.

VORTEX parses DAG files without Airflow's metadata database: the session handed out opens, commits
and closes as a no-op, and any query through it fails with a clear AirflowException.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import contextlib
import functools

from airflow._vortex.compat import Signature, unwrap
from airflow.exceptions import AirflowException

# Airflow: ``NEW_SESSION: SASession = cast(SASession, None)``, the default of ``session`` parameters.
NEW_SESSION = None

_NO_DATABASE = "The Airflow metadata database is not available while VORTEX parses DAG files (%s)"


class ParseTimeSession(object):
    """A stand-in for a SQLAlchemy session: transaction calls do nothing, data calls raise."""

    def commit(self):
        pass

    def rollback(self):
        pass

    def close(self):
        pass

    def flush(self, *args, **kwargs):
        pass

    def expunge_all(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)

        def unavailable(*args, **kwargs):
            raise AirflowException(_NO_DATABASE % ("session." + name))

        return unavailable


@contextlib.contextmanager
def create_session(scoped=True):
    """Contextmanager that will create and teardown a session."""
    session = ParseTimeSession()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


def _session_index(func):
    signature = Signature(unwrap(func))
    if "session" not in signature.names:
        name = getattr(func, "__qualname__", None) or getattr(func, "__name__", repr(func))
        raise ValueError("Function %s has no `session` argument" % name)
    return signature.names.index("session")


def provide_session(func):
    """Pass a session to ``func`` when the caller gave none (positionally or as ``session=``)."""
    session_args_idx = _session_index(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if "session" in kwargs or session_args_idx < len(args):
            return func(*args, **kwargs)
        with create_session() as session:
            kwargs["session"] = session
            return func(*args, **kwargs)

    return wrapper
