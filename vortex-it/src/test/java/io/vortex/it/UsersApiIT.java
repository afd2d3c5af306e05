package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Database;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import org.junit.jupiter.api.Test;

/** Managing users through the API as an Admin, in Airflow's shapes. */
class UsersApiIT {

    private final VortexServer server = VortexServers.of(Database.POSTGRESQL);
    private final ApiClient admin = server.api();

    @Test
    void anAdminCreatesAUserWhoCanThenSignIn() {
        ApiClient.Response created = admin.send("POST", "users", "application/json", """
                {"username": "users_carol", "password": "Carol-Passw0rd-9", "email": "carol@example.com",
                 "first_name": "Carol", "last_name": "Danvers", "roles": [{"name": "Operator"}]}""");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode carol = created.json();
        assertThat(carol.get("username").asText()).isEqualTo("users_carol");
        assertThat(carol.get("display_name").asText()).isEqualTo("Carol Danvers");
        assertThat(carol.at("/roles/0/name").asText()).isEqualTo("Operator");
        assertThat(created.body()).doesNotContain("Carol-Passw0rd-9").doesNotContain("password");

        assertThat(admin.get("users/users_carol").json().get("email").asText()).isEqualTo("carol@example.com");
        assertThat(server.anonymousApi().as("users_carol", "Carol-Passw0rd-9").get("dags").status()).isEqualTo(200);
    }

    @Test
    void listsNeverCarryPasswordsOrHashes() {
        JsonNode page = admin.get("users?limit=100").json();

        assertThat(page.get("total_entries").asInt()).isPositive();
        assertThat(page.toString()).doesNotContain("password").doesNotContain("salt").doesNotContain("hash");
    }

    @Test
    void weakPasswordsBadEmailsUnknownRolesAndTakenNamesAreRefusedWithTheReason() {
        assertProblem(admin.send("POST", "users", "application/json",
                "{\"username\": \"users_weak\", \"password\": \"weak\", \"roles\": [{\"name\": \"Viewer\"}]}"),
                400, "it must be at least 12 characters long");
        assertProblem(admin.send("POST", "users", "application/json",
                "{\"username\": \"users_mail\", \"password\": \"Mail-Passw0rd-1\", \"email\": \"no-at-sign\", \"roles\": [{\"name\": \"Viewer\"}]}"),
                400, "email must be an e-mail address");
        assertProblem(admin.send("POST", "users", "application/json",
                "{\"username\": \"users_role\", \"password\": \"Role-Passw0rd-1\", \"roles\": [{\"name\": \"Superuser\"}]}"),
                400, "Unknown role 'Superuser'");
        assertProblem(admin.send("POST", "users", "application/json",
                "{\"username\": \"admin\", \"password\": \"Admin-Passw0rd-2\", \"roles\": [{\"name\": \"Viewer\"}]}"),
                409, "A user named 'admin' already exists");
        assertThat(admin.get("users/users_weak").status()).isEqualTo(404);
    }

    @Test
    void anAdminChangesRolesPasswordsAndActiveFlags() {
        admin.send("POST", "users", "application/json",
                "{\"username\": \"users_dave\", \"password\": \"Dave-Passw0rd-1\", \"roles\": [{\"name\": \"Viewer\"}]}");

        JsonNode changed = admin.patchJson("users/users_dave", "{\"roles\": [{\"name\": \"Operator\"}], \"password\": \"Dave-Passw0rd-2\"}").json();
        assertThat(changed.at("/roles/0/name").asText()).isEqualTo("Operator");
        assertThat(server.anonymousApi().as("users_dave", "Dave-Passw0rd-1").get("dags").status()).isEqualTo(401);
        assertThat(server.anonymousApi().as("users_dave", "Dave-Passw0rd-2").get("dags").status()).isEqualTo(200);

        admin.patchJson("users/users_dave", "{\"active\": false}");
        assertThat(server.anonymousApi().as("users_dave", "Dave-Passw0rd-2").get("dags").status()).isEqualTo(401);
    }

    @Test
    void theLastActiveAdminCanBeNeitherDeletedNorDemotedNorDeactivated() {
        assertProblem(admin.send("DELETE", "users/admin", null, null), 409, "last active Admin");
        assertProblem(admin.patchJson("users/admin", "{\"roles\": [{\"name\": \"Viewer\"}]}"), 409, "last active Admin");
        assertProblem(admin.patchJson("users/admin", "{\"active\": false}"), 409, "last active Admin");
        assertThat(admin.get("users/admin").json().at("/roles/0/name").asText()).isEqualTo("Admin");
    }

    @Test
    void deletingAUserRemovesIt() {
        admin.send("POST", "users", "application/json",
                "{\"username\": \"users_erin\", \"password\": \"Erin-Passw0rd-1\", \"roles\": [{\"name\": \"Viewer\"}]}");

        assertThat(admin.send("DELETE", "users/users_erin", null, null).status()).isEqualTo(204);
        assertThat(admin.get("users/users_erin").status()).isEqualTo(404);
        assertThat(admin.send("DELETE", "users/users_erin", null, null).status()).isEqualTo(404);
    }

    private static void assertProblem(ApiClient.Response response, int status, String detailPart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detailPart);
    }
}
