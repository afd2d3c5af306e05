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

    public Page<Dag> list(DagFilter filter, PageRequest page) {
        return dags.find(filter, page);
    }

    public Optional<Dag> find(String dagId) {
        return dags.findByDagId(dagId);
    }

    /** Pauses or unpauses a DAG; empty when there is no such DAG. */
    public Optional<Dag> setPaused(String dagId, boolean paused) {
        return dags.findByDagId(dagId).map(dag -> {
            if (paused) {
                dag.pause();
            } else {
                dag.unpause();
            }
            LOG.info(() -> "DAG " + dagId + (paused ? " paused" : " unpaused"));
            return dag;
        });
    }
}
