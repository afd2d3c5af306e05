package io.vortex.api.pool;

import io.vortex.pool.PoolUsage;

/**
 * A pool in the fields of Airflow's Pool schema, slot counts included; {@code open_slots} is -1
 * for a pool without a limit (Airflow's infinity has no JSON form).
 */
public record PoolDto(String name, int slots, long occupiedSlots, long runningSlots, long queuedSlots, long scheduledSlots,
                      long deferredSlots, long openSlots, String description, boolean includeDeferred) {

    static PoolDto of(PoolUsage usage) {
        return new PoolDto(usage.pool().getPoolName(), usage.pool().getSlots(), usage.occupied(), usage.running(), usage.queued(),
                usage.scheduled(), 0, usage.open(), usage.pool().getDescription(), usage.pool().isIncludeDeferred());
    }
}
