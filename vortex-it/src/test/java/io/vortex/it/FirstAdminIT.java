package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.it.support.StartScript;
import io.vortex.it.support.Users;
import io.vortex.it.support.VortexServer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The first start on an empty database: no built-in admin/admin, but one Admin with a password
 * that meets the rules, shown once; plaintext passwords found in the user table get hashed.
 * Runs its own server, since it needs a database nobody else has touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdminIT {

    private static final Pattern GENERATED = Pattern.compile("first Admin created: admin / (\\S+)");
    private static VortexServer server;
    private static String generatedPassword;

    @BeforeAll
    static void newServer() {
        server = VortexServer.onH2("first-admin")
                .setting("VORTEX_SECURITY_PASSWORD_ITERATIONS", null);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    @Order(1)
    void aWeakAdminPasswordStopsTheFirstStartWithTheRulesItBreaks() {
        server.setting("VORTEX_ADMIN_PASSWORD", "admin123");

        StartScript.Result result = server.tryStart();

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("VORTEX_ADMIN_PASSWORD does not meet the password rules: "
                + "it must be at least 12 characters long");
        server.setting("VORTEX_ADMIN_PASSWORD", null);
    }

    @Test
    @Order(2)
    void theFirstStartCreatesOneAdminAndPrintsItsGeneratedPasswordOnce() {
        String firstStart = server.start().output();

        Matcher shown = GENERATED.matcher(firstStart);
        assertThat(shown.find()).as(firstStart).isTrue();
        generatedPassword = shown.group(1);
        assertThat(generatedPassword).hasSize(20);

        String secondStart = server.restart().output();
        assertThat(secondStart).doesNotContain("first Admin created").contains("sign in as an existing VORTEX user");
    }

    @Test
    @Order(3)
    void theAdminPasswordIsStoredAsASaltedSlowHash() throws Exception {
        server.stop();
        List<String[]> users = users();

        assertThat(users).hasSize(1);
        String[] admin = users.get(0);
        assertThat(admin[0]).isEqualTo("admin");
        assertThat(admin[1]).isEqualTo("Admin");
        assertThat(admin[2]).isNotEqualTo(generatedPassword);
        assertThat(Integer.parseInt(admin[4])).isGreaterThanOrEqualTo(600_000);
        assertThat(pbkdf2Matches(generatedPassword, admin)).isTrue();
        server.start();
    }

    @Test
    @Order(4)
    void plaintextPasswordsFoundInTheUserTableAreHashedAtStart() throws Exception {
        server.stop();
        try (Connection connection = server.jdbc().connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO vortex_user (id, version, username, role, active, created_at, password_hash)"
                             + " VALUES (-1, 1, 'legacy', 'Viewer', TRUE, CURRENT_TIMESTAMP, 'Plain-text-Passw0rd')")) {
            insert.executeUpdate();
        }

        server.start();
        server.stop();

        String[] legacy = users().stream().filter(user -> user[0].equals("legacy")).findFirst().orElseThrow();
        assertThat(legacy[2]).isNotEqualTo("Plain-text-Passw0rd");
        assertThat(legacy[3]).isNotNull();
        assertThat(pbkdf2Matches("Plain-text-Passw0rd", legacy)).isTrue();
        server.start();
    }

    /** username, role, password_hash, password_salt, password_iterations of every user. */
    private static List<String[]> users() throws SQLException {
        List<String[]> users = new ArrayList<>();
        try (Connection connection = server.jdbc().connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT username, role, password_hash, password_salt, password_iterations FROM vortex_user ORDER BY username");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                users.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)});
            }
        }
        return users;
    }

    /** Recomputes PBKDF2-HMAC-SHA256 independently of the application's code. */
    private static boolean pbkdf2Matches(String password, String[] user) {
        byte[] derived = Users.pbkdf2(password, Base64.getDecoder().decode(user[3]), Integer.parseInt(user[4]));
        return MessageDigest.isEqual(derived, Base64.getDecoder().decode(user[2]));
    }
}
