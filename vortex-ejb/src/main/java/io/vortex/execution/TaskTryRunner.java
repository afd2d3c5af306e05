package io.vortex.execution;

import io.vortex.dag.TaskSpec;
import io.vortex.execution.Templates.TemplateException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one try of a task instance, on the thread of its Jakarta Batch job: starts it, renders
 * its template fields, runs its operator with no transaction open, and records the outcome,
 * which hands the run's newly ready tasks straight to the executor.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskTryRunner {

    private static final Logger LOG = Logger.getLogger(TaskTryRunner.class.getName());
    private static final Set<String> EMPTY_OPERATORS = Set.of("EmptyOperator", "DummyOperator");
    private static final Set<String> SHIM_OPERATORS = Set.of("PythonOperator", "_PythonDecoratedOperator", "BranchPythonOperator",
            "_BranchPythonDecoratedOperator", "ShortCircuitOperator", "_ShortCircuitDecoratedOperator", "BranchDayOfWeekOperator",
            "BranchDateTimeOperator", "_BashDecoratedOperator");

    @Inject
    private TaskTries tries;

    @Inject
    private PythonTask python;

    @Inject
    private RunningTries running;

    @Inject
    private DagRunOperators dagRunOperators;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/vortex-tasks")
    private ManagedExecutorService pumps;

    /** Stops the running try of an instance on this server (its batch job is being stopped). */
    public void stop(long taskInstanceId) {
        running.kill(taskInstanceId);
    }

    /** Runs the next try of a queued instance; nothing when it is no longer queued. */
    public void run(long taskInstanceId) {
        Optional<TryPlan> started = tries.begin(taskInstanceId, hostname());
        if (started.isEmpty()) {
            return;
        }
        TryPlan plan = started.get();
        TryOutcome outcome;
        try {
            outcome = execute(plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = TryOutcome.failed("The try was interrupted: the server is stopping", null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Try " + plan.describe() + " failed in VORTEX itself", e);
            outcome = TryOutcome.failed("VORTEX could not run the task: " + e, null);
        }
        TryOutcome ended = outcome;
        if (ended.reason() != null && ended.state() != TryOutcome.State.SUCCESS) {
            try (TaskLog log = TaskLog.append(plan.logFile())) {
                log.write("taskinstance.py:3311", ended.state() == TryOutcome.State.SKIPPED ? "INFO" : "ERROR",
                        ended.state() == TryOutcome.State.SKIPPED ? ended.reason() : "Task failed with exception: " + ended.reason());
            }
        }
        Optional<TaskInstanceState> state = tries.finish(plan, ended);
        try (TaskLog log = TaskLog.append(plan.logFile())) {
            if (state.isPresent()) {
                log.markedAs(state.get(), plan.dagId(), plan.taskId(), plan.runId(), plan.run().logicalDate());
            } else {
                log.info("taskinstance.py:1206", "The outcome of this try was not recorded: the task instance was cleared or marked"
                        + " while it ran");
            }
        }
    }

    private TryOutcome execute(TryPlan plan) throws InterruptedException {
        TaskSpec task = plan.task();
        try (TaskLog log = TaskLog.append(plan.logFile())) {
            log.info("taskinstance.py:2856", "Starting attempt " + plan.tryNumber() + " of " + (plan.maxTries() + 1));
            log.info("taskinstance.py:2879", "Executing <Task(" + task.taskType() + "): " + plan.taskId() + "> on " + plan.run().ts());
        }
        if (plan.mappedGroup().isPresent()) {
            return TryOutcome.failed("VORTEX cannot run the tasks of a mapped task group (" + plan.mappedGroup().get() + ") yet", null);
        }
        Templates templates = new Templates(plan, Map.of());
        JsonObject rendered;
        try {
            rendered = templates.renderFields(task.templated());
            if (task.isMapped()) {
                rendered = withMappedArguments(plan, rendered, templates);
            }
        } catch (TemplateException | TaskMapping.MappingException e) {
            return TryOutcome.failed(e.getMessage(), null);
        }
        String type = task.taskType();
        if (EMPTY_OPERATORS.contains(type)) {
            return TryOutcome.success(List.of(), null);
        }
        if ("BashOperator".equals(type)) {
            return bash(plan, rendered, text(rendered, "bash_command").orElse(""));
        }
        if ("LatestOnlyOperator".equals(type)) {
            try (TaskLog log = TaskLog.append(plan.logFile())) {
                return dagRunOperators.latestOnly(plan, log);
            }
        }
        if ("TriggerDagRunOperator".equals(type)) {
            try (TaskLog log = TaskLog.append(plan.logFile())) {
                return dagRunOperators.triggerDagRun(plan, rendered, log);
            }
        }
        if (SHIM_OPERATORS.contains(type) || isCustomOperator(task)) {
            PythonTask.Answer answer = python.run(plan, rendered);
            if (answer.bashCommand().isPresent() && answer.outcome().state() == TryOutcome.State.SUCCESS) {
                // as Airflow's @task.bash, the returned command is itself a template
                try {
                    return bash(plan, rendered, ((JsonString) templates.render(Json.createValue(answer.bashCommand().get()))).getString());
                } catch (TemplateException e) {
                    return TryOutcome.failed(e.getMessage(), null);
                }
            }
            return answer.outcome();
        }
        return TryOutcome.failed("VORTEX cannot run " + type + " tasks yet", null);
    }

    /**
     * The fields of one map index of a mapped task, as Airflow's {@code MappedOperator.unmap}
     * sees them: the partial fields plus this index's mapped arguments, templates in the literal
     * ones rendered (values from XComs are not). A {@code @task} function's mapped arguments join
     * its {@code op_kwargs}.
     */
    private static JsonObject withMappedArguments(TryPlan plan, JsonObject rendered, Templates templates)
            throws TaskMapping.MappingException, TemplateException {
        TaskSpec task = plan.task();
        TaskMapping.Arguments arguments = TaskMapping.argumentsOf(task, plan.mapIndex(), new RunXComs(plan.xcoms()));
        boolean function = task.operatorName().startsWith("@task");
        Set<String> templateFields = function ? Set.of() : task.templateFields();
        JsonObjectBuilder mapped = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> literal : arguments.literal().entrySet()) {
            mapped.add(literal.getKey(), function || templateFields.contains(literal.getKey())
                    ? templates.render(literal.getValue()) : literal.getValue());
        }
        mapped.addAll(Json.createObjectBuilder(arguments.fromXCom()));
        JsonObjectBuilder fields = Json.createObjectBuilder(rendered);
        if (function) {
            JsonValue partial = rendered.containsKey("op_kwargs") ? rendered.get("op_kwargs")
                    : task.json().getJsonObject("mapped").getOrDefault("partial", JsonValue.EMPTY_JSON_OBJECT);
            JsonObject fixed = partial instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
            fields.add("op_kwargs", Json.createObjectBuilder(fixed).addAll(mapped));
        } else {
            fields.addAll(mapped);
        }
        return fields.build();
    }

    private TryOutcome bash(TryPlan plan, JsonObject rendered, String command) throws InterruptedException {
        if (command.isBlank()) {
            return TryOutcome.failed("The bash_command of " + plan.taskId() + " is empty", null);
        }
        JsonObject arguments = plan.task().arguments();
        Map<String, String> environment = new HashMap<>();
        JsonValue env = rendered.get("env");
        boolean appendEnv = arguments.getBoolean("append_env", false);
        if (!(env instanceof JsonObject) || appendEnv) {
            environment.putAll(System.getenv());
        }
        if (env instanceof JsonObject variables) {
            variables.forEach((name, value) -> environment.put(name, value instanceof JsonString text ? text.getString() : value.toString()));
        }
        environment.putAll(airflowContextVariables(plan));
        environment.putAll(xcomVariables(plan));
        Path cwd = text(rendered, "cwd").map(Path::of).orElse(null);
        BashRun run = new BashRun(command, environment, cwd, skipExitCodes(arguments), plan.task().doXcomPush(),
                Charset.forName(arguments.getString("output_encoding", "utf-8")));
        try (TaskLog log = TaskLog.append(plan.logFile())) {
            return run.run(log, plan.timeout(), pid -> {
                running.started(plan.taskInstanceId(), pid);
                tries.recordProcess(plan, pid);
            }, pumps);
        } finally {
            running.ended(plan.taskInstanceId());
        }
    }

    /** Airflow's {@code AIRFLOW_CTX_*} variables, plus the marker that lets recovery recognise the try's processes. */
    private static Map<String, String> airflowContextVariables(TryPlan plan) {
        Map<String, String> variables = new HashMap<>();
        variables.put("AIRFLOW_CTX_DAG_ID", plan.dagId());
        variables.put("AIRFLOW_CTX_TASK_ID", plan.taskId());
        variables.put("AIRFLOW_CTX_EXECUTION_DATE", plan.run().ts());
        variables.put("AIRFLOW_CTX_TRY_NUMBER", Integer.toString(plan.tryNumber()));
        variables.put("AIRFLOW_CTX_DAG_RUN_ID", plan.runId());
        variables.put("AIRFLOW_CTX_DAG_OWNER", plan.task().json().getString("owner", "airflow"));
        variables.put(TaskProcesses.TRY_MARKER, TaskProcesses.marker(plan.taskInstanceId(), plan.tryNumber()));
        return variables;
    }

    /**
     * The XComs of the task's direct upstream tasks, for bash: {@code VORTEX_XCOM_<TASK>} for a
     * return value and {@code VORTEX_XCOM_<TASK>__<KEY>} for other keys, names upper-cased with
     * every character other than a letter or digit made {@code _}; a JSON string is given as its
     * text, any other value as JSON (a mapped task's values as a JSON list by map index).
     */
    static Map<String, String> xcomVariables(TryPlan plan) {
        Set<String> upstream = new HashSet<>(plan.task().upstreamTaskIds());
        Map<String, String> variables = new HashMap<>();
        RunXComs xcoms = new RunXComs(plan.xcoms());
        Set<Map.Entry<String, String>> pulled = new HashSet<>();
        for (TryPlan.PulledXCom xcom : plan.xcoms()) {
            // a mapped task pushes once per map index; its variable is computed once, for all of them
            if (upstream.contains(xcom.taskId()) && pulled.add(Map.entry(xcom.taskId(), xcom.key()))) {
                String name = "VORTEX_XCOM_" + envName(xcom.taskId())
                        + (XCom.RETURN_VALUE_KEY.equals(xcom.key()) ? "" : "__" + envName(xcom.key()));
                JsonValue value = xcoms.value(xcom.taskId(), xcom.key()).orElse(JsonValue.NULL);
                variables.put(name, value instanceof JsonString text ? text.getString() : value.toString());
            }
        }
        return variables;
    }

    private static String envName(String id) {
        return id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Airflow's {@code skip_on_exit_code}: 99 by default, an int or a list, none when null. */
    private static Set<Integer> skipExitCodes(JsonObject arguments) {
        if (!arguments.containsKey("skip_on_exit_code")) {
            return Set.of(99);
        }
        JsonValue codes = arguments.get("skip_on_exit_code");
        Set<Integer> skip = new HashSet<>();
        if (codes instanceof JsonNumber code) {
            skip.add(code.intValue());
        } else if (codes != null && codes.getValueType() == JsonValue.ValueType.ARRAY) {
            codes.asJsonArray().getValuesAs(JsonNumber.class).forEach(code -> skip.add(code.intValue()));
        }
        return skip;
    }

    /** An operator class of the DAG folder: the shim runs its {@code execute}. */
    private static boolean isCustomOperator(TaskSpec task) {
        JsonValue classRef = task.json().get("class_ref");
        return classRef instanceof JsonObject ref && !ref.getString("module_path", "airflow").startsWith("airflow");
    }

    private static Optional<String> text(JsonObject rendered, String field) {
        return rendered.get(field) instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
