"""Puts the shim on sys.path for the tests and names the fixture folder (works on Jython and CPython)."""
from __future__ import absolute_import, division, print_function, unicode_literals

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHIM_ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "main", "python"))
DAGS_FOLDER = os.path.normpath(os.path.join(HERE, "..", "resources", "dags"))
JYTHON = sys.platform.startswith("java")

if SHIM_ROOT not in sys.path:
    sys.path.insert(0, SHIM_ROOT)

import vortex_dagparse  # noqa: E402,F401 - also appends the pendulum fallback to sys.path
