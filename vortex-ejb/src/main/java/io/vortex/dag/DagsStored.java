package io.vortex.dag;

import java.util.List;

/**
 * Fired in the transaction that stored a batch of parsed DAG files, for the DAGs that are new or
 * whose serialized form changed, so that whoever depends on a DAG's definition (the scheduler's
 * next run) follows it without the DAG processor knowing them.
 */
public record DagsStored(List<Changed> dags) {

    public DagsStored {
        dags = List.copyOf(dags);
    }

    /** One DAG as just stored; {@code isNew} when it has no history yet. */
    public record Changed(Dag dag, ParsedDag parsed, boolean isNew) {
    }
}
