package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Database;
import io.vortex.it.support.DagRows;
import io.vortex.it.support.DagRows.DagRow;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationIdIT {

    private final VortexServer server = VortexServers.of(Database.POSTGRESQL);
    private final ApiClient api = server.api();

    @Test
    void aCallersIdIsReturnedUnchanged() {
        ApiClient.Response response = api.get("health", "X-Correlation-ID", "batch-42.step:7");

        assertThat(response.header("X-Correlation-ID")).isEqualTo("batch-42.step:7");
    }

    @Test
    void missingOrUnsafeIdsAreReplacedByAFreshUuid() {
        String generated = api.get("health").header("X-Correlation-ID");
        String replaced = api.get("health", "X-Correlation-ID", "evil id\twith spaces").header("X-Correlation-ID");

        assertThat(UUID.fromString(generated)).isNotNull();
        assertThat(UUID.fromString(replaced)).isNotNull();
        assertThat(replaced).isNotEqualTo(generated);
    }

    @Test
    void everyLogLineWrittenWhileServingARequestCarriesItsId() throws IOException {
        DagRows.insert(server.jdbc(), new DagRow("correlated_dag", "ops", null, List.of(), false));
        String id = "it-" + UUID.randomUUID();

        ApiClient.Response response = api.patchJson("dags/correlated_dag", "{\"is_paused\": true}", "X-Correlation-ID", id);

        assertThat(response.status()).isEqualTo(200);
        List<String> lines = Files.readAllLines(server.serverLog()).stream().filter(line -> line.contains(id)).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("DAG correlated_dag paused"));
    }
}
