package io.vortex.pool;

/**
 * A pool with the slots its task instances take now, as Airflow's {@code Pool.slots_stats}
 * counts them: each instance takes its {@code pool_slots}; queued and running ones occupy the
 * pool. (VORTEX has no deferred task instances, so {@code include_deferred} changes nothing.)
 */
public record PoolUsage(Pool pool, long running, long queued, long scheduled) {

    public long occupied() {
        return running + queued;
    }

    /** Free slots; {@value Pool#UNLIMITED} for a pool without a limit. */
    public long open() {
        return pool.getSlots() == Pool.UNLIMITED ? Pool.UNLIMITED : pool.getSlots() - occupied();
    }
}
