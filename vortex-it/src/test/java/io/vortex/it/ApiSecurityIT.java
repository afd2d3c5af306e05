package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Database;
import io.vortex.it.support.DagRows;
import io.vortex.it.support.DagRows.DagRow;
import io.vortex.it.support.Users;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every endpoint the server's OpenAPI document lists is tried anonymously and
 * as a Viewer, an Operator and an Admin, against the rule declared for it below. An endpoint
 * without a rule here fails the test, so a new endpoint cannot slip through unchecked.
 */
class ApiSecurityIT {

    /** Who an endpoint is open to, from the least to the most privileged. */
    enum Rule { ANYONE, VIEWER, OPERATOR, ADMIN }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("GET /vortex/api/v1/health", Rule.ANYONE),
            Map.entry("GET /vortex/api/v1/version", Rule.ANYONE),
            Map.entry("POST /vortex/api/v1/auth/token", Rule.ANYONE),
            Map.entry("GET /vortex/api/v1/auth/jwks", Rule.ANYONE),
            Map.entry("GET /vortex/api/v1/dags", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}", Rule.VIEWER),
            Map.entry("PATCH /vortex/api/v1/dags/{dag_id}", Rule.OPERATOR),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/details", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/tasks", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/tasks/{task_id}", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns", Rule.VIEWER),
            Map.entry("POST /vortex/api/v1/dags/{dag_id}/dagRuns", Rule.OPERATOR),
            Map.entry("POST /vortex/api/v1/dags/{dag_id}/dagRuns/list", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}", Rule.VIEWER),
            Map.entry("PATCH /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}", Rule.OPERATOR),
            Map.entry("DELETE /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}", Rule.OPERATOR),
            Map.entry("POST /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/clear", Rule.OPERATOR),
            Map.entry("POST /vortex/api/v1/dags/{dag_id}/clearTaskInstances", Rule.OPERATOR),
            Map.entry("POST /vortex/api/v1/dags/{dag_id}/updateTaskInstancesState", Rule.OPERATOR),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}", Rule.VIEWER),
            Map.entry("PATCH /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}", Rule.OPERATOR),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/{map_index}", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/listMapped", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/logs/{task_try_number}", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries/{xcom_key}", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/pools", Rule.VIEWER),
            Map.entry("POST /vortex/api/v1/pools", Rule.OPERATOR),
            Map.entry("GET /vortex/api/v1/pools/{pool_name}", Rule.VIEWER),
            Map.entry("PATCH /vortex/api/v1/pools/{pool_name}", Rule.OPERATOR),
            Map.entry("DELETE /vortex/api/v1/pools/{pool_name}", Rule.OPERATOR),
            Map.entry("GET /vortex/api/v1/importErrors", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/importErrors/{import_error_id}", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/dagSources/{file_token}", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/roles", Rule.VIEWER),
            Map.entry("GET /vortex/api/v1/users", Rule.ADMIN),
            Map.entry("POST /vortex/api/v1/users", Rule.ADMIN),
            Map.entry("GET /vortex/api/v1/users/{username}", Rule.ADMIN),
            Map.entry("PATCH /vortex/api/v1/users/{username}", Rule.ADMIN),
            Map.entry("DELETE /vortex/api/v1/users/{username}", Rule.ADMIN));

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PASSWORD = "Matrix-Passw0rd!";
    private static VortexServer server;

    @BeforeAll
    static void usersOfEveryRole() {
        server = VortexServers.of(Database.POSTGRESQL);
        Users.insert(server.jdbc(), "matrix_viewer", PASSWORD, "Viewer", true);
        Users.insert(server.jdbc(), "matrix_operator", PASSWORD, "Operator", true);
        Users.insert(server.jdbc(), "matrix_retired", PASSWORD, "Admin", false);
        DagRows.insert(server.jdbc(), new DagRow("matrix_dag", "ops", null, List.of(), false));
    }

    @Test
    void everyEndpointAnswersEachRoleAsItsRuleSays() {
        List<String> endpoints = endpointsInOpenApi();
        assertThat(endpoints).as("endpoints listed in the OpenAPI document").isNotEmpty();
        assertThat(RULES.keySet()).as("every endpoint needs a declared rule").containsAll(endpoints);

        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            Rule rule = RULES.get(endpoint);
            check(endpoint, "anonymous", server.anonymousApi(), rule == Rule.ANYONE, 401, failures);
            check(endpoint, "Viewer", server.anonymousApi().as("matrix_viewer", PASSWORD), rule.compareTo(Rule.VIEWER) <= 0, 403, failures);
            check(endpoint, "Operator", server.anonymousApi().as("matrix_operator", PASSWORD), rule.compareTo(Rule.OPERATOR) <= 0, 403, failures);
            check(endpoint, "Admin", server.api(), true, 403, failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void noCredentialsIsA401ProblemWithBearerAndBasicChallengesNeverARedirect() {
        ApiClient.Response response = server.anonymousApi().get("dags", "Accept", "text/html");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().headers().allValues("WWW-Authenticate"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(response.header("Location")).isNull();
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:vortex:error:Unauthorized");
    }

    @Test
    void aWrongPasswordOrAnInactiveUserIsA401() {
        assertThat(server.anonymousApi().as("matrix_viewer", "Wrong-Passw0rd!").get("dags").status()).isEqualTo(401);
        assertThat(server.anonymousApi().as("nobody_at_all", PASSWORD).get("dags").status()).isEqualTo(401);
        assertThat(server.anonymousApi().as("matrix_retired", PASSWORD).get("dags").status()).isEqualTo(401);
    }

    @Test
    void aRoleThatMayNotActIsA403Problem() {
        ApiClient.Response response = server.anonymousApi().as("matrix_viewer", PASSWORD)
                .patchJson("dags/matrix_dag", "{\"is_paused\": true}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:vortex:error:Forbidden");
        assertThat(server.api().get("dags/matrix_dag").json().get("is_paused").asBoolean()).isFalse();
    }

    private static void check(String endpoint, String who, ApiClient client, boolean allowed, int refusal,
                              List<String> failures) {
        int status = call(endpoint, client).status();
        if (allowed && (status == 401 || status == 403)) {
            failures.add(endpoint + " refused " + who + " with " + status);
        } else if (!allowed && status != refusal) {
            failures.add(endpoint + " answered " + who + " with " + status + " instead of " + refusal);
        }
    }

    private static ApiClient.Response call(String endpoint, ApiClient client) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("/vortex/api/v1/", "")
                .replace("{dag_id}", "matrix_dag")
                // a user that does not exist: an allowed call answers 404 and changes nothing
                .replace("{username}", "matrix_nobody")
                // any other id (task, import error, file token): one that does not exist, which suits every type
                .replaceAll("\\{[^}]+}", "0");
        return switch (method) {
            // valid credentials in the body: a 401 here would mean a wrong password, not a refusal
            case "POST" -> client.send(method, path, "application/json", path.equals("auth/token")
                    ? "{\"username\": \"matrix_viewer\", \"password\": \"" + PASSWORD + "\"}" : "{}");
            case "GET" -> client.get(path);
            case "PATCH" -> client.patchJson(path, "{\"is_paused\": false}");
            default -> client.send(method, path, "application/json", "{}");
        };
    }

    private static List<String> endpointsInOpenApi() {
        JsonNode paths = server.http().get("openapi?format=JSON").json().get("paths");
        List<String> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(field -> {
                if (HTTP_METHODS.contains(field)) {
                    endpoints.add(field.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return endpoints;
    }
}
