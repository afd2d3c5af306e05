package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Database;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class HealthAndVersionIT {

    private final VortexServer server = VortexServers.of(Database.H2);
    private final ApiClient api = server.anonymousApi();

    @Test
    void healthReportsHealthyMetadatabaseAndSchedulerWithoutLogin() {
        ApiClient.Response response = api.get("health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode health = response.json();
        assertThat(health.at("/metadatabase/status").asText()).isEqualTo("healthy");
        assertThat(health.at("/scheduler/status").asText()).isEqualTo("healthy");
        OffsetDateTime heartbeat = OffsetDateTime.parse(health.at("/scheduler/latest_scheduler_heartbeat").asText());
        assertThat(Duration.between(heartbeat, OffsetDateTime.now()).abs()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void versionIsOpenAndNamesThisBuild() {
        ApiClient.Response response = api.get("version");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("version").asText()).isEqualTo(System.getProperty("vortex.version"));
        assertThat(response.json().has("git_version")).isTrue();
    }

    @Test
    void prometheusMetricsAreServedOnTheManagementPort() {
        ApiClient.Response response = new ApiClient(URI.create("http://localhost:" + (9990 + server.portOffset()) + "/"))
                .get("prometheus");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE ");
    }
}
