package io.vortex.pool;

import jakarta.ejb.ApplicationException;

/** A pool change that contradicts the pools or task instances that exist: a taken name, a pool in use. */
@ApplicationException(rollback = true)
public class PoolConflictException extends RuntimeException {

    public PoolConflictException(String message) {
        super(message);
    }
}
