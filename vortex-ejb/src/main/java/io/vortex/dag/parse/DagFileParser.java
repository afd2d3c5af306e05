package io.vortex.dag.parse;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An engine that runs DAG files through the Airflow shim. Thread-safe: each call borrows one
 * interpreter or process of the engine's pool for its duration; a file that runs longer than
 * the timeout has its interpreter or process killed and gets a {@link ParseError#TIMEOUT} error.
 */
public interface DagFileParser extends AutoCloseable {

    /** Imports a Python DAG file the way Airflow's DagBag does, with {@code dagsFolder} on the path. */
    ParseResult parseFile(Path file, Path dagsFolder, Duration timeout);

    /** Builds the DAGs of a dag_factory file (docs/dag-factory.md) from its content as JSON. */
    ParseResult parseSpec(String specJson, Path file, Duration timeout);

    Engine engine();

    @Override
    void close();
}
