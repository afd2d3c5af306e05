package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Browser;
import io.vortex.it.support.Database;
import io.vortex.it.support.Users;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Repeated failed sign-ins lock a user out from the address they came from, on every way in
 * (token endpoint, HTTP Basic, console form), and every attempt is recorded. Each test uses its
 * own user, since all tests here come from 127.0.0.1.
 */
class LoginLockoutIT {

    private static final String PASSWORD = "Lockout-Passw0rd-1";
    private static final String WRONG = "Wrong-Passw0rd-99";
    /** The default of vortex.security.lockout.max-failures. */
    private static final int MAX_FAILURES = 5;
    private static VortexServer server;

    @BeforeAll
    static void seed() {
        server = VortexServers.of(Database.POSTGRESQL);
        for (String user : List.of("lock_token", "lock_basic", "lock_reset", "lock_address", "lock_console", "lock_audit")) {
            Users.insert(server.jdbc(), user, PASSWORD, "Viewer", true);
        }
    }

    @Test
    void theTokenEndpointLocksOutAfterRepeatedFailuresAndSaysUntilWhen() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(tokenFor("lock_token", WRONG).status()).isEqualTo(401);
        }

        ApiClient.Response refused = tokenFor("lock_token", PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText())
                .startsWith("Too many failed sign-ins for 'lock_token' from 127.0.0.1; try again after ");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);

        assertThat(tokenFor(VortexServer.ADMIN, VortexServer.ADMIN_PASSWORD).status())
                .as("other users are not locked out").isEqualTo(200);
    }

    @Test
    void basicAuthenticationLocksOutTooAndThenRefusesRightAndWrongPasswordsAlike() {
        ApiClient wrong = server.anonymousApi().as("lock_basic", WRONG);
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(wrong.get("dags").status()).isEqualTo(401);
        }

        ApiClient.Response right = server.anonymousApi().as("lock_basic", PASSWORD).get("dags");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.json().get("detail").asText()).startsWith("Too many failed sign-ins for 'lock_basic'");
        assertThat(right.header("Retry-After")).isNotNull();
        assertThat(wrong.get("dags").status()).isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        ApiClient wrong = server.anonymousApi().as("lock_reset", WRONG);
        ApiClient right = server.anonymousApi().as("lock_reset", PASSWORD);
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertThat(wrong.get("dags").status()).isEqualTo(401);
        }
        assertThat(right.get("dags").status()).isEqualTo(200);
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertThat(wrong.get("dags").status()).isEqualTo(401);
        }
        assertThat(right.get("dags").status()).isEqualTo(200);
    }

    @Test
    void theLockoutHoldsOnlyForTheAddressTheFailuresCameFrom() throws IOException {
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(basicStatusFrom("127.0.0.1", "lock_address", WRONG)).isEqualTo(401);
        }
        assertThat(basicStatusFrom("127.0.0.1", "lock_address", PASSWORD)).isEqualTo(429);
        assertThat(basicStatusFrom("127.0.0.2", "lock_address", PASSWORD)).isEqualTo(200);
    }

    @Test
    void everyAttemptIsRecordedAndASuccessMovesTheLastLogin() throws SQLException {
        assertThat(tokenFor("lock_audit", WRONG).status()).isEqualTo(401);
        assertThat(server.anonymousApi().as("lock_audit", WRONG).get("dags").status()).isEqualTo(401);
        assertThat(tokenFor("lock_audit", PASSWORD).status()).isEqualTo(200);
        assertThat(server.anonymousApi().as("lock_audit", PASSWORD).get("dags").status()).isEqualTo(200);

        assertThat(attemptsOf("lock_audit")).containsExactly(
                "TOKEN FAILED 127.0.0.1", "BASIC FAILED 127.0.0.1", "TOKEN SUCCEEDED 127.0.0.1", "BASIC SUCCEEDED 127.0.0.1");
        assertThat(server.api().get("users/lock_audit").json().get("last_login").isNull()).isFalse();
    }

    @Test
    void theConsoleLocksOutTooAndItsServerFormEndpointDoesNotExist() {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            for (int i = 0; i < MAX_FAILURES; i++) {
                browser.signIn(server.console(), "lock_console", WRONG);
                assertThat(loginError(browser)).isEqualTo("Wrong username or password.");
            }
            browser.signIn(server.console(), "lock_console", PASSWORD);
            assertThat(loginError(browser)).startsWith("Too many failed sign-ins for 'lock_console' from 127.0.0.1");
            assertThat(page.findElements(By.id("dags:table"))).isEmpty();
            browser.screenshot("console-locked-out");
        }
        assertThat(server.http().send("POST", "/vortex/j_security_check", "application/x-www-form-urlencoded",
                "j_username=lock_console&j_password=" + PASSWORD).status()).isEqualTo(404);
    }

    private static ApiClient.Response tokenFor(String username, String password) {
        return server.anonymousApi().send("POST", "auth/token", "application/json",
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }

    /** The status of a Basic-authenticated API call sent from the given loopback address. */
    private static int basicStatusFrom(String sourceAddress, String username, String password) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.httpPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /vortex/api/v1/dags HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static List<String> attemptsOf(String username) throws SQLException {
        try (Connection connection = server.jdbc().connect();
             PreparedStatement query = connection.prepareStatement("SELECT channel, outcome, source_address"
                     + " FROM login_attempt WHERE username = ? ORDER BY attempted_at, id")) {
            query.setString(1, username);
            List<String> attempts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    attempts.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            return attempts;
        }
    }


    private static String loginError(Browser browser) {
        return browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login-error"))).getText();
    }

}
