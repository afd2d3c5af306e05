package io.vortex.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hashes new passwords with the configured PBKDF2 cost ({@code vortex.security.password-iterations}). */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    @ConfigProperty(name = "vortex.security.password-iterations", defaultValue = "" + PasswordHash.DEFAULT_ITERATIONS)
    private int iterations;

    public PasswordHash hash(String password) {
        return PasswordHash.of(password, iterations);
    }
}
