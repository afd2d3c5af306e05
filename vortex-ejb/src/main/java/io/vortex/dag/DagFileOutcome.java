package io.vortex.dag;

import io.vortex.dag.parse.ParseResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What the DAG processor learned about one file: it was parsed (its source and the engine's
 * result), or it no longer defines DAGs because it is gone or is no DAG file.
 */
public record DagFileOutcome(String file, Optional<String> source, Optional<ParseResult> result) {

    public DagFileOutcome {
        Objects.requireNonNull(file, "file");
        if (source.isPresent() != result.isPresent()) {
            throw new IllegalArgumentException("a parsed file has both its source and its result");
        }
    }

    public static DagFileOutcome parsed(String file, String source, ParseResult result) {
        return new DagFileOutcome(file, Optional.of(source), Optional.of(result));
    }

    public static DagFileOutcome gone(String file) {
        return new DagFileOutcome(file, Optional.empty(), Optional.empty());
    }
}
