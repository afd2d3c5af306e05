package io.vortex.pool;

import io.vortex.execution.TaskInstanceState;
import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries over pools and the slots their task instances take. */
@ApplicationScoped
public class PoolRepository {

    /** Airflow's order_by names for pools, and the attributes they sort. */
    private static final Map<String, String> ORDERABLE = Map.of("id", "id", "name", "poolName", "pool", "poolName", "slots", "slots");
    private static final List<TaskInstanceState> COUNTED = List.of(TaskInstanceState.RUNNING, TaskInstanceState.QUEUED,
            TaskInstanceState.SCHEDULED);

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    public void add(Pool pool) {
        em.persist(pool);
    }

    public void remove(Pool pool) {
        em.remove(pool);
    }

    public Optional<Pool> find(String name) {
        return em.createQuery("SELECT p FROM Pool p WHERE p.poolName = :name", Pool.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    public Page<Pool> list(PageRequest page) {
        long total = em.createQuery("SELECT COUNT(p) FROM Pool p", Long.class).getSingleResult();
        List<Pool> pools = em.createQuery("SELECT p FROM Pool p" + page.orderByClause("p", ORDERABLE, "id"), Pool.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        return new Page<>(pools, total);
    }

    /** The pools' usage, from the slots their running, queued and scheduled instances take. */
    public List<PoolUsage> usage(Collection<Pool> pools) {
        if (pools.isEmpty()) {
            return List.of();
        }
        Map<String, Map<TaskInstanceState, Long>> taken = new HashMap<>();
        em.createQuery("SELECT t.pool, t.state, SUM(t.poolSlots) FROM TaskInstance t WHERE t.state IN :states AND t.pool IN :pools"
                        + " GROUP BY t.pool, t.state", Object[].class)
                .setParameter("states", COUNTED)
                .setParameter("pools", pools.stream().map(Pool::getPoolName).toList())
                .getResultList()
                .forEach(row -> taken.computeIfAbsent((String) row[0], name -> new HashMap<>())
                        .put((TaskInstanceState) row[1], ((Number) row[2]).longValue()));
        return pools.stream().map(pool -> {
            Map<TaskInstanceState, Long> slots = taken.getOrDefault(pool.getPoolName(), Map.of());
            return new PoolUsage(pool, slots.getOrDefault(TaskInstanceState.RUNNING, 0L), slots.getOrDefault(TaskInstanceState.QUEUED, 0L),
                    slots.getOrDefault(TaskInstanceState.SCHEDULED, 0L));
        }).toList();
    }

    /** How many unfinished task instances (none, scheduled, queued, running, up_for_retry) name the pool. */
    public long countInUse(String name) {
        return em.createQuery("SELECT COUNT(t) FROM TaskInstance t WHERE t.pool = :name"
                        + " AND (t.state IS NULL OR t.state IN :states)", Long.class)
                .setParameter("name", name)
                .setParameter("states", List.of(TaskInstanceState.SCHEDULED, TaskInstanceState.QUEUED, TaskInstanceState.RUNNING,
                        TaskInstanceState.UP_FOR_RETRY, TaskInstanceState.UP_FOR_RESCHEDULE, TaskInstanceState.RESTARTING))
                .getSingleResult();
    }
}
