package io.vortex.it.support;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Writes users straight into a metadatabase with PBKDF2-HMAC-SHA256 passwords, computed here
 * independently of the application, so tests have Viewers and Operators to sign in as.
 */
public final class Users {

    private static final AtomicLong NEXT_ID = new AtomicLong(-2000);
    private static final int ITERATIONS = 1000;

    private Users() {
    }

    public static void insert(JdbcTarget database, String username, String password, String role, boolean active) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO vortex_user (id, version, username, role, active, created_at, password_hash, password_salt,"
                             + " password_iterations) VALUES (?, 1, ?, ?, ?, CURRENT_TIMESTAMP, ?, ?, ?)")) {
            insert.setLong(1, NEXT_ID.getAndDecrement());
            insert.setString(2, username);
            insert.setString(3, role);
            insert.setBoolean(4, active);
            insert.setString(5, Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS)));
            insert.setString(6, Base64.getEncoder().encodeToString(salt));
            insert.setInt(7, ITERATIONS);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert user " + username + " into " + database.url(), e);
        }
    }

    /** PBKDF2-HMAC-SHA256 with a 256-bit result, as VORTEX stores passwords. */
    public static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
