package io.vortex.dag.parse;

/** The Python engines that can run DAG files, as configured by {@code vortex.dags.parser}. */
public enum Engine {
    /** Jython 2.7 in the server's JVM: no process per file, Python 2.7 syntax only. */
    JYTHON,
    /** A pool of {@code python3} processes: any Python 3 syntax and installed libraries. */
    CPYTHON,
    /** Jython first, then CPython for files Jython cannot read or import. */
    AUTO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
