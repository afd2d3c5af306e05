package io.vortex.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database for one test run, created through an account that may create
 * databases: {@code VORTEX_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 * {@code VORTEX_TEST_PG_USER} and {@code VORTEX_TEST_PG_PASSWORD} (default {@code vortex_ci}, as
 * {@code .ci/run} creates it).
 */
public final class PostgresDatabase {

    private final JdbcTarget admin;
    private final String name;
    private final JdbcTarget target;

    private PostgresDatabase(JdbcTarget admin, String name) {
        this.admin = admin;
        this.name = name;
        String serverUrl = admin.url().substring(0, admin.url().lastIndexOf('/') + 1);
        this.target = new JdbcTarget(serverUrl + name, admin.user(), admin.password());
    }

    public static PostgresDatabase create() {
        JdbcTarget admin = new JdbcTarget(
                env("VORTEX_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                env("VORTEX_TEST_PG_USER", "vortex_ci"),
                env("VORTEX_TEST_PG_PASSWORD", "vortex_ci"));
        String name = "vortex_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
        PostgresDatabase database = new PostgresDatabase(admin, name);
        database.execute("CREATE DATABASE " + name);
        return database;
    }

    public JdbcTarget target() {
        return target;
    }

    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the integration tests failed on '" + sql + "' at "
                    + admin.url() + " as " + admin.user() + ": " + e.getMessage()
                    + ". Start PostgreSQL and create that role with CREATEDB (.ci/run does both), "
                    + "or point VORTEX_TEST_PG_URL/_USER/_PASSWORD elsewhere.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
