package io.vortex.pool;

import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Pools for the API and the console: lists with their usage, one pool, and changes by hand. */
@Stateless
public class PoolService {

    private static final Logger LOG = Logger.getLogger(PoolService.class.getName());

    @Inject
    private PoolRepository pools;

    /** The changes a PATCH may make; empty fields stay as they are. */
    public record PoolChanges(Optional<String> name, Optional<Integer> slots, Optional<Optional<String>> description,
                              Optional<Boolean> includeDeferred) {
    }

    public Page<PoolUsage> list(PageRequest page) {
        Page<Pool> found = pools.list(page);
        return new Page<>(pools.usage(found.items()), found.totalEntries());
    }

    public Optional<PoolUsage> find(String name) {
        return pools.find(name).map(pool -> pools.usage(List.of(pool)).get(0));
    }

    /**
     * @throws PoolConflictException when a pool has the name already
     * @throws InvalidPoolException  for a blank name or slots below -1
     */
    public PoolUsage create(String name, int slots, String description, boolean includeDeferred) {
        if (pools.find(name).isPresent()) {
            throw new PoolConflictException("Pool: " + name + " already exists");
        }
        Pool pool = refused(() -> new Pool(name, slots, description));
        pool.countDeferred(includeDeferred);
        pools.add(pool);
        LOG.info(() -> "Pool " + name + " created with " + slots + " slots");
        return new PoolUsage(pool, 0, 0, 0);
    }

    /**
     * Applies the changes at once: a smaller pool queues nothing new until enough of its slots
     * are free; running tasks keep theirs.
     *
     * @return empty when there is no such pool
     * @throws PoolConflictException when renaming a pool in use, or to a taken name
     * @throws InvalidPoolException  for a change the pool refuses (the default pool's name, slots below -1)
     */
    public Optional<PoolUsage> update(String name, PoolChanges changes) {
        Optional<Pool> found = pools.find(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Pool pool = found.get();
        if (changes.name().isPresent() && !changes.name().get().equals(name)) {
            String newName = changes.name().get();
            // checked before the rename: a query would otherwise flush it and find the pool itself under its new name
            if (pools.find(newName).isPresent()) {
                throw new PoolConflictException("Pool: " + newName + " already exists");
            }
            refused(() -> {
                pool.rename(newName);
                return pool;
            });
            long inUse = pools.countInUse(name);
            if (inUse > 0) {
                throw new PoolConflictException("Pool " + name + " cannot be renamed: " + inUse
                        + " unfinished task instances take their slots from it");
            }
        }
        refused(() -> {
            changes.slots().ifPresent(pool::resize);
            changes.description().ifPresent(description -> pool.describe(description.orElse(null)));
            return pool;
        });
        changes.includeDeferred().ifPresent(pool::countDeferred);
        LOG.info(() -> "Pool " + name + " changed: " + pool.getPoolName() + ", " + pool.getSlots() + " slots");
        return Optional.of(pools.usage(List.of(pool)).get(0));
    }

    /**
     * @return whether there was such a pool
     * @throws PoolConflictException when unfinished task instances take their slots from it
     * @throws InvalidPoolException  for the default pool
     */
    public boolean delete(String name) {
        Optional<Pool> found = pools.find(name);
        if (found.isEmpty()) {
            return false;
        }
        if (found.get().isDefault()) {
            throw new InvalidPoolException("Default Pool can't be deleted");
        }
        long inUse = pools.countInUse(name);
        if (inUse > 0) {
            throw new PoolConflictException("Pool " + name + " cannot be deleted: " + inUse
                    + " unfinished task instances take their slots from it");
        }
        pools.remove(found.get());
        LOG.info(() -> "Pool " + name + " deleted");
        return true;
    }

    /** Runs a change the pool may refuse, its refusal an application exception (400) rather than a failure of the bean. */
    private static Pool refused(Supplier<Pool> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidPoolException(e.getMessage());
        }
    }
}
