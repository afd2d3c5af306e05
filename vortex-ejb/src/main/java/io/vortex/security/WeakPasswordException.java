package io.vortex.security;

import jakarta.ejb.ApplicationException;

/** A password that breaks the {@link PasswordPolicy}; the message says which rules. */
@ApplicationException(rollback = true)
public class WeakPasswordException extends IllegalArgumentException {

    public WeakPasswordException(String message) {
        super(message);
    }
}
