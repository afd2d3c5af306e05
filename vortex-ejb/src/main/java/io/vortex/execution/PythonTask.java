package io.vortex.execution;

import io.vortex.dag.parse.TaskEngines;
import io.vortex.dag.parse.TaskEngines.EngineUnavailableException;
import io.vortex.execution.TryOutcome.Pushed;
import io.vortex.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a Python task (PythonOperator, {@code @task} and its branch, short-circuit and bash
 * variants, custom operators of the DAG folder) in the engine that parsed its file, through the
 * shim's {@code run_task} request (docs/dag-serialization.md, "Running tasks"). The shim writes
 * what the task prints into the try's log.
 */
@ApplicationScoped
public class PythonTask {

    @Inject
    private TaskEngines engines;

    @Inject
    private RunningTries running;

    @Inject
    @ConfigProperty(name = "vortex.dags.folder")
    private Optional<String> dagsFolder;

    /** The shim's answer to a {@code run_task} request. */
    public record Answer(TryOutcome outcome, Optional<String> bashCommand) {
    }

    /**
     * @param rendered the task's template fields, rendered
     */
    public Answer run(TryPlan plan, JsonObject rendered) throws InterruptedException {
        String request = Json.createObjectBuilder()
                .add("id", plan.taskInstanceId())
                .add("op", "run_task")
                .add("path", plan.fileloc())
                .add("dags_folder", dagsFolder.orElseGet(() -> Path.of(plan.fileloc()).getParent().toString()))
                .add("dag_id", plan.dagId())
                .add("task_id", plan.taskId())
                .add("map_index", plan.mapIndex())
                .add("log_path", plan.logFile().toString())
                .add("context", context(plan))
                .add("rendered", rendered)
                .add("xcoms", xcoms(plan))
                .add("variables", JsonValue.EMPTY_JSON_OBJECT)
                .build().toString();
        Duration timeout = plan.timeout().orElse(Duration.ofDays(3650));
        String answer;
        // stopping the try interrupts the wait for the interpreter, which is then discarded (killed)
        running.waiting(plan.taskInstanceId(), Thread.currentThread());
        try {
            answer = engines.runTask(plan.engine(), request, timeout);
        } catch (TimeoutException e) {
            return new Answer(TryOutcome.timedOut(timeout, "its " + plan.engine() + " interpreter was stopped"), Optional.empty());
        } catch (EngineUnavailableException e) {
            if (Thread.interrupted()) {
                return new Answer(TryOutcome.failed("The try was stopped from outside; its " + plan.engine() + " interpreter was stopped",
                        null), Optional.empty());
            }
            return new Answer(TryOutcome.failed(e.getMessage(), null), Optional.empty());
        } finally {
            running.ended(plan.taskInstanceId());
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        return parse(answer);
    }

    static Answer parse(String answerJson) {
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(answerJson))) {
            answer = reader.readObject();
        }
        List<Pushed> xcoms = new ArrayList<>();
        JsonValue pushed = answer.get("xcoms");
        if (pushed != null && pushed.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonObject xcom : pushed.asJsonArray().getValuesAs(JsonObject.class)) {
                JsonValue value = xcom.get("value");
                xcoms.add(new Pushed(xcom.getString("key"), value == null || value == JsonValue.NULL ? null : value.toString()));
            }
        }
        Optional<List<String>> follow = answer.get("follow") instanceof JsonArray ids
                ? Optional.of(ids.getValuesAs(JsonString::getString)) : Optional.empty();
        Optional<Boolean> shortCircuit = answer.get("short_circuit") instanceof JsonObject circuit
                ? Optional.of(circuit.getBoolean("ignore_downstream_trigger_rules", true)) : Optional.empty();
        Optional<String> bashCommand = answer.get("bash_command") instanceof JsonString command
                ? Optional.of(command.getString()) : Optional.empty();
        boolean retryable = answer.getBoolean("retry", true);
        String state = answer.getString("state", "failed");
        TryOutcome outcome = switch (state) {
            case "success" -> new TryOutcome(TryOutcome.State.SUCCESS, true, xcoms, follow, shortCircuit, null, null);
            case "skipped" -> new TryOutcome(TryOutcome.State.SKIPPED, true, xcoms, Optional.empty(), Optional.empty(), null,
                    reason(answer, "The task raised AirflowSkipException"));
            default -> new TryOutcome(TryOutcome.State.FAILED, retryable, xcoms, Optional.empty(), Optional.empty(), null,
                    reason(answer, "The task failed"));
        };
        return new Answer(outcome, bashCommand);
    }

    private static String reason(JsonObject answer, String fallback) {
        return answer.get("error") instanceof JsonObject error
                ? error.getString("kind", "Error") + ": " + error.getString("message", "") : fallback;
    }

    private static JsonObject context(TryPlan plan) {
        TryPlan.RunContext run = plan.run();
        var context = Json.createObjectBuilder()
                .add("run_id", plan.runId())
                .add("run_type", run.runType())
                .add("logical_date", run.ts())
                .add("ds", run.ds())
                .add("ds_nodash", run.dsNodash())
                .add("ts", run.ts())
                .add("ts_nodash", run.tsNodash())
                .add("ts_nodash_with_tz", run.tsNodashWithTz())
                .add("conf", run.conf())
                .add("params", plan.params())
                .add("try_number", plan.tryNumber())
                .add("max_tries", plan.maxTries())
                .add("external_trigger", run.externalTrigger());
        addTime(context, "data_interval_start", run.dataIntervalStart());
        addTime(context, "data_interval_end", run.dataIntervalEnd());
        addTime(context, "dag_run_start_date", run.startDate());
        return context.build();
    }

    private static void addTime(JsonObjectBuilder context, String name, OffsetDateTime time) {
        if (time == null) {
            context.addNull(name);
        } else {
            context.add(name, Timestamps.isoformat(time));
        }
    }

    private static JsonArrayBuilder xcoms(TryPlan plan) {
        JsonArrayBuilder xcoms = Json.createArrayBuilder();
        for (TryPlan.PulledXCom xcom : plan.xcoms()) {
            xcoms.add(Json.createObjectBuilder().add("task_id", xcom.taskId()).add("map_index", xcom.mapIndex()).add("key", xcom.key())
                    .add("value", Templates.json(xcom.value())));
        }
        return xcoms;
    }
}
