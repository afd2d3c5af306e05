package io.vortex.pool;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sizes {@value Pool#DEFAULT_POOL} at each start when {@code vortex.pools.default-slots}
 * ({@code VORTEX_POOLS_DEFAULT_SLOTS}) is set: the configuration wins over a size set by hand.
 * Unset, the pool keeps its size (128 from the first migration, as Airflow's
 * {@code default_pool_task_slot_count}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class DefaultPoolSize {

    private static final Logger LOG = Logger.getLogger(DefaultPoolSize.class.getName());

    @Inject
    private PoolRepository pools;

    @Inject
    @ConfigProperty(name = "vortex.pools.default-slots")
    private Optional<Integer> configured;

    @PostConstruct
    void apply() {
        configured.ifPresent(slots -> pools.find(Pool.DEFAULT_POOL).ifPresent(pool -> {
            pool.resize(slots);
            LOG.info(() -> Pool.DEFAULT_POOL + " has " + slots + " slots (vortex.pools.default-slots)");
        }));
    }
}
