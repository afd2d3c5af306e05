package io.vortex.dag;

import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/** Reads DAGs and changes what users may change of them, for the API and the console. */
@Stateless
public class DagService {

    private static final Logger LOG = Logger.getLogger(DagService.class.getName());

    @Inject
    private DagRepository dags;

    @Inject
    private ImportErrorRepository importErrors;

    public Page<Dag> list(DagFilter filter, PageRequest page) {
        return dags.find(filter, page);
    }

    public Optional<Dag> find(String dagId) {
        return dags.findByDagId(dagId);
    }

    /** The DAG with its latest serialized form; empty when there is no such DAG or it was never parsed. */
    public Optional<DagDefinition> definition(String dagId) {
        return dags.findByDagId(dagId).flatMap(dag -> dags.serialized(dag)
                .map(serialized -> new DagDefinition(dag, serialized.parsed())));
    }

    /** The current source of the DAG file with this token (latest stored version). */
    public Optional<String> source(String fileToken) {
        return dags.findByFileToken(fileToken).flatMap(dags::latestVersion).map(DagVersion::getSource);
    }

    public Page<ImportError> importErrors(PageRequest page) {
        return importErrors.find(page);
    }

    public Optional<ImportError> importError(long id) {
        return importErrors.find(id);
    }

    /** Pauses or unpauses a DAG; empty when there is no such DAG. */
    public Optional<Dag> setPaused(String dagId, boolean paused) {
        return dags.lockByDagId(dagId).map(dag -> {
            if (paused) {
                dag.pause();
            } else {
                dag.unpause();
            }
            LOG.info(() -> "DAG " + dagId + (paused ? " paused" : " unpaused"));
            return dag;
        });
    }

    /** A DAG row and the serialized DAG behind it. */
    public record DagDefinition(Dag dag, ParsedDag parsed) {
    }
}
