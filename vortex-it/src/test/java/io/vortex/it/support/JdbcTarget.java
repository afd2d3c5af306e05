package io.vortex.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where a server's metadatabase is, so a test can look at or prepare rows directly. */
public record JdbcTarget(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
