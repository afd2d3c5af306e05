package io.vortex.security;

import jakarta.ejb.ApplicationException;

/** A change that contradicts the users that exist: a taken username, or removing the last Admin. */
@ApplicationException(rollback = true)
public class UserConflictException extends RuntimeException {

    public UserConflictException(String message) {
        super(message);
    }
}
