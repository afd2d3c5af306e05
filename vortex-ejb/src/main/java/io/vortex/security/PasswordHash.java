package io.vortex.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password stored as PBKDF2-HMAC-SHA256: a 32-byte derived key and a 16-byte random salt
 * (both base64) and the iteration count. WildFly Elytron reads the same three values as a
 * SCRAM-SHA-256 salted password, so the server can verify logins against them.
 */
public record PasswordHash(String hash, String salt, int iterations) {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final int KEY_BITS = 256;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(salt, "salt");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash of(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(Base64.getEncoder().encodeToString(derive(password, salt, iterations)),
                Base64.getEncoder().encodeToString(salt), iterations);
    }

    /** Whether {@code password} is the one this hash was made from (constant-time comparison). */
    public boolean matches(String password) {
        byte[] expected = Base64.getDecoder().decode(hash);
        byte[] actual = derive(password, Base64.getDecoder().decode(salt), iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[PBKDF2-HMAC-SHA256, " + iterations + " iterations]";
    }
}
