package io.vortex.dag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current serialized definition of each DAG, read once per change: scheduling decisions and
 * task tries ask for it on every hand-off, and a DAG's JSON can run to megabytes. Each look-up
 * checks the stored hash, so a re-parse on any server is seen at once.
 */
@ApplicationScoped
public class DagDefinitions {

    private record Cached(String dataHash, ParsedDag parsed) {
    }

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    /** The DAG as last parsed; empty when it was never parsed successfully. */
    public Optional<ParsedDag> current(Dag dag) {
        Optional<String> hash = em.createQuery("SELECT s.dataHash FROM SerializedDag s WHERE s.dagPk = :dagPk", String.class)
                .setParameter("dagPk", dag.getId())
                .getResultStream()
                .findFirst();
        if (hash.isEmpty()) {
            cache.remove(dag.getId());
            return Optional.empty();
        }
        Cached cached = cache.get(dag.getId());
        if (cached != null && cached.dataHash().equals(hash.get())) {
            return Optional.of(cached.parsed());
        }
        SerializedDag serialized = em.find(SerializedDag.class, dag.getId());
        if (serialized == null) {
            return Optional.empty();
        }
        ParsedDag parsed = serialized.parsed();
        cache.put(dag.getId(), new Cached(serialized.getDataHash(), parsed));
        return Optional.of(parsed);
    }
}
