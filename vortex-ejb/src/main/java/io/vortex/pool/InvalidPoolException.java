package io.vortex.pool;

import jakarta.ejb.ApplicationException;

/** A pool change the pool refuses: a blank name, slots below -1, renaming or deleting the default pool (400). */
@ApplicationException(rollback = true)
public class InvalidPoolException extends RuntimeException {

    public InvalidPoolException(String message) {
        super(message);
    }
}
