package io.vortex.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.dag.TaskSpec;
import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelayTest {

    private static final String LOGICAL_DATE = "2024-01-01T00:00:00+00:00";

    @Test
    void withoutBackoffEveryRetryWaitsTheRetryDelay() {
        TaskSpec task = task(false, null);

        assertThat(RetryDelay.after(task, "etl", LOGICAL_DATE, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RetryDelay.after(task, "etl", LOGICAL_DATE, 5)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void exponentialBackoffMatchesAirflowsHashedDelays() {
        TaskSpec task = task(true, null);

        // values computed with Airflow 2.10's TaskInstance.next_retry_datetime formula in Python
        assertThat(RetryDelay.after(task, "etl", LOGICAL_DATE, 1)).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryDelay.after(task, "etl", LOGICAL_DATE, 2)).isEqualTo(Duration.ofSeconds(32));
        assertThat(RetryDelay.after(task, "etl", LOGICAL_DATE, 3)).isEqualTo(Duration.ofSeconds(53));
        assertThat(RetryDelay.after(task, "etl", LOGICAL_DATE, 6)).isEqualTo(Duration.ofSeconds(590));
    }

    @Test
    void maxRetryDelayCapsTheBackoff() {
        assertThat(RetryDelay.after(task(true, 60.0), "etl", LOGICAL_DATE, 6)).isEqualTo(Duration.ofSeconds(60));
    }

    private static TaskSpec task(boolean backoff, Double maxDelay) {
        var task = Json.createObjectBuilder().add("task_id", "load").add("retry_delay", 10.0).add("retry_exponential_backoff", backoff);
        if (maxDelay != null) {
            task.add("max_retry_delay", maxDelay);
        }
        return new TaskSpec(task.build());
    }
}
