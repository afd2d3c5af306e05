package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Database;
import io.vortex.it.support.VortexServers;
import org.junit.jupiter.api.Test;

class OpenApiIT {

    @Test
    void theServerPublishesAnOpenApiDocumentListingEveryEndpoint() {
        ApiClient.Response response = VortexServers.of(Database.H2).http().get("openapi?format=JSON");

        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().get("paths");
        assertThat(paths.has("/vortex/api/v1/health")).isTrue();
        assertThat(paths.has("/vortex/api/v1/version")).isTrue();
        assertThat(paths.has("/vortex/api/v1/dags")).isTrue();
        assertThat(paths.at("/~1vortex~1api~1v1~1dags~1{dag_id}").has("get")).isTrue();
        assertThat(paths.at("/~1vortex~1api~1v1~1dags~1{dag_id}").has("patch")).isTrue();
        assertThat(response.json().at("/info/title").asText()).isEqualTo("VORTEX REST API");
        JsonNode dagSchema = response.json().at("/components/schemas/DagDto/properties");
        assertThat(dagSchema.has("dag_id")).as("schemas use the API's snake_case names").isTrue();
        assertThat(dagSchema.has("is_paused")).isTrue();
    }
}
