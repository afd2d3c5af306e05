package io.vortex.dag;

import io.vortex.dag.parse.ParseResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What the DAG processor learned about one file: it was parsed (its source and the engine's
 * result), or it no longer defines DAGs because it is gone or is no DAG file.
 */
public record DagFileOutcome(String file, Optional<Source> source, Optional<ParseResult> result) {

    /** A file's content with its SHA-256, computed once when the processor read it. */
    public record Source(String text, String hash) {
    }


    public DagFileOutcome {
        Objects.requireNonNull(file, "file");
        if (source.isPresent() != result.isPresent()) {
            throw new IllegalArgumentException("a parsed file has both its source and its result");
        }
    }

    public static DagFileOutcome parsed(String file, Source source, ParseResult result) {
        return new DagFileOutcome(file, Optional.of(source), Optional.of(result));
    }

    public static DagFileOutcome gone(String file) {
        return new DagFileOutcome(file, Optional.empty(), Optional.empty());
    }
}
