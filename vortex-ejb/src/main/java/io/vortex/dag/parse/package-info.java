/**
 * Running DAG files: the Airflow shim (a Python package shipped with VORTEX), and the two
 * engines that execute a file with it and return the DAGs it builds as JSON — Jython in the
 * server's JVM, and a pool of CPython processes for Python 3-only files.
 */
package io.vortex.dag.parse;
