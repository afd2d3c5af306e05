package io.vortex.execution;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.FatalTemplateErrorsException;
import io.vortex.platform.Timestamps;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a task's template fields with Jinjava, with the names Airflow's templates use:
 * {@code ds}, {@code ds_nodash}, {@code ts}, {@code ts_nodash}, {@code ts_nodash_with_tz},
 * {@code logical_date}, {@code execution_date}, {@code data_interval_start/end}, {@code run_id},
 * {@code dag_run} (with {@code conf}), {@code params}, {@code ti}/{@code task_instance} (with
 * {@code xcom_pull}), {@code macros} ({@code ds_add}, {@code ds_format}), {@code var.value} and
 * {@code var.json}, {@code task_instance_key_str}. As in Airflow (whose templates are strict), an
 * unknown name fails the task. XComArg references ({@code {"xcom_arg": ...}}) are replaced by
 * the pulled values.
 */
public final class Templates {

    private static final Jinjava JINJAVA = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());

    private final Map<String, Object> context;
    private final RunXComs xcoms;

    /** A template that cannot be rendered: the task fails with this message. */
    public static final class TemplateException extends Exception {

        private static final long serialVersionUID = 1L;

        TemplateException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Templates(TryPlan plan, Map<String, String> variables) {
        this.xcoms = new RunXComs(plan.xcoms());
        TryPlan.RunContext run = plan.run();
        OffsetDateTime logical = run.logicalDate();
        Map<String, Object> values = new HashMap<>();
        values.put("ds", run.ds());
        values.put("ds_nodash", run.dsNodash());
        values.put("ts", run.ts());
        values.put("ts_nodash", run.tsNodash());
        values.put("ts_nodash_with_tz", run.tsNodashWithTz());
        values.put("logical_date", new TemplateDateTime(logical));
        values.put("execution_date", new TemplateDateTime(logical));
        values.put("data_interval_start", run.dataIntervalStart() == null ? null : new TemplateDateTime(run.dataIntervalStart()));
        values.put("data_interval_end", run.dataIntervalEnd() == null ? null : new TemplateDateTime(run.dataIntervalEnd()));
        values.put("run_id", plan.runId());
        Map<String, Object> dagRun = new HashMap<>();
        dagRun.put("run_id", plan.runId());
        dagRun.put("run_type", run.runType());
        dagRun.put("conf", plain(run.conf()));
        dagRun.put("logical_date", new TemplateDateTime(logical));
        dagRun.put("external_trigger", run.externalTrigger());
        values.put("dag_run", dagRun);
        values.put("params", plain(plan.params()));
        values.put("dag", Map.of("dag_id", plan.dagId()));
        values.put("task", Map.of("task_id", plan.taskId()));
        TemplateTaskInstance ti = new TemplateTaskInstance(plan);
        values.put("ti", ti);
        values.put("task_instance", ti);
        values.put("task_instance_key_str", plan.dagId() + "__" + plan.taskId() + "__" + run.dsNodash());
        values.put("macros", new Macros());
        Map<String, Object> json = new HashMap<>();
        variables.forEach((key, text) -> json.put(key, plain(parse(text))));
        values.put("var", Map.of("value", Map.copyOf(variables), "json", json));
        this.context = values;
    }

    /** Renders every string in {@code value} (lists and objects too) and resolves XComArg references. */
    public JsonValue render(JsonValue value) throws TemplateException {
        if (value instanceof JsonString text) {
            return Json.createValue(renderText(text.getString()));
        }
        if (value instanceof JsonObject object) {
            if (object.size() == 1 && object.get("xcom_arg") instanceof JsonObject reference) {
                return pull(reference.getString("task_id", null), reference.getString("key", XCom.RETURN_VALUE_KEY));
            }
            JsonObjectBuilder rendered = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> field : object.entrySet()) {
                rendered.add(field.getKey(), render(field.getValue()));
            }
            return rendered.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder rendered = Json.createArrayBuilder();
            for (JsonValue item : array) {
                rendered.add(render(item));
            }
            return rendered.build();
        }
        return value;
    }

    /** Renders the template fields of a task. */
    public JsonObject renderFields(JsonObject templated) throws TemplateException {
        return render(templated).asJsonObject();
    }

    private String renderText(String template) throws TemplateException {
        if (!template.contains("{{") && !template.contains("{%") && !template.contains("{#")) {
            return template;
        }
        try {
            return JINJAVA.render(template, context);
        } catch (FatalTemplateErrorsException e) {
            List<String> details = new ArrayList<>();
            e.getErrors().forEach(error -> details.add(error.getMessage()));
            String detail = details.isEmpty() ? e.getMessage() : String.join("; ", details);
            throw new TemplateException("Cannot render the template '" + template + "': " + detail, e);
        } catch (RuntimeException e) {
            throw new TemplateException("Cannot render the template '" + template + "': " + e.getMessage(), e);
        }
    }

    /** Airflow's pull of one task's value (a mapped task's as a list); no task id takes the latest of any task. */
    private JsonValue pull(String taskId, String key) {
        return (taskId == null ? xcoms.latest(key) : xcoms.value(taskId, key)).orElse(JsonValue.NULL);
    }

    /** JSON text as a value; {@code null} is JSON null. */
    static JsonValue json(String text) {
        return text == null ? JsonValue.NULL : parse(text);
    }

    private static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return Json.createValue(text);
        }
    }

    /** A JSON value as the plain Java objects templates navigate. */
    static Object plain(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue() : ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                value.asJsonArray().forEach(item -> items.add(plain(item)));
                yield items;
            }
            case OBJECT -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                value.asJsonObject().forEach((name, field) -> fields.put(name, plain(field)));
                yield fields;
            }
        };
    }

    /** A datetime as templates see it: prints as Airflow prints one, with a few of pendulum's accessors. */
    public record TemplateDateTime(OffsetDateTime time) {

        public String isoformat() {
            return Timestamps.isoformat(time);
        }

        public int getYear() {
            return time.getYear();
        }

        public int getMonth() {
            return time.getMonthValue();
        }

        public int getDay() {
            return time.getDayOfMonth();
        }

        public int getHour() {
            return time.getHour();
        }

        public int getMinute() {
            return time.getMinute();
        }

        /** Python's {@code strftime} for the common directives. Named as in Python: templates call it so. */
        public String strftime(String format) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%' || i + 1 == format.length()) {
                    out.append(c);
                    continue;
                }
                char directive = format.charAt(++i);
                out.append(switch (directive) {
                    case 'Y' -> String.format("%04d", time.getYear());
                    case 'm' -> String.format("%02d", time.getMonthValue());
                    case 'd' -> String.format("%02d", time.getDayOfMonth());
                    case 'H' -> String.format("%02d", time.getHour());
                    case 'M' -> String.format("%02d", time.getMinute());
                    case 'S' -> String.format("%02d", time.getSecond());
                    case 'f' -> String.format("%06d", time.getNano() / 1000);
                    case 'j' -> String.format("%03d", time.getDayOfYear());
                    case 'y' -> String.format("%02d", time.getYear() % 100);
                    case 'z' -> DateTimeFormatter.ofPattern("xx").format(time);
                    case '%' -> "%";
                    default -> "%" + directive;
                });
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return Timestamps.isoformat(time);
        }
    }

    /**
     * {@code ti} in templates. Methods carry Airflow's snake_case names because Jinjava calls
     * methods by their exact name; keyword arguments arrive as {@link NamedParameter}s.
     */
    public final class TemplateTaskInstance {

        private final TryPlan plan;

        TemplateTaskInstance(TryPlan plan) {
            this.plan = plan;
        }

        public String getTaskId() {
            return plan.taskId();
        }

        public String getDagId() {
            return plan.dagId();
        }

        public String getRunId() {
            return plan.runId();
        }

        public int getTryNumber() {
            return plan.tryNumber();
        }

        public int getMapIndex() {
            return plan.mapIndex();
        }

        public Object xcom_pull(Object first) {
            return xcomPull(first);
        }

        public Object xcom_pull(Object first, Object second) {
            return xcomPull(first, second);
        }

        public Object xcom_pull(Object first, Object second, Object third) {
            return xcomPull(first, second, third);
        }

        /** Airflow's {@code xcom_pull(task_ids=None, dag_id=None, key='return_value')} over this run's XComs. */
        private Object xcomPull(Object... arguments) {
            Object taskIds = null;
            String key = XCom.RETURN_VALUE_KEY;
            int position = 0;
            for (Object argument : arguments) {
                if (argument instanceof NamedParameter named) {
                    switch (named.getName()) {
                        case "task_ids" -> taskIds = named.getValue();
                        case "key" -> key = String.valueOf(named.getValue());
                        default -> {
                            // dag_id, include_prior_dates, map_indexes: this run's XComs are all there is
                        }
                    }
                } else if (position++ == 0) {
                    taskIds = argument;
                } else if (position == 2 && argument != null) {
                    key = String.valueOf(argument);
                }
            }
            if (taskIds instanceof List<?> ids) {
                List<Object> values = new ArrayList<>();
                for (Object id : ids) {
                    values.add(plain(pull(String.valueOf(id), key)));
                }
                return values;
            }
            return plain(pull(taskIds == null ? null : String.valueOf(taskIds), key));
        }
    }

    /** {@code macros} in templates, with Airflow's snake_case names. */
    public static final class Macros {

        public String ds_add(String ds, long days) {
            return LocalDate.parse(ds).plusDays(days).toString();
        }

        public String ds_format(String ds, String inputFormat, String outputFormat) {
            return new TemplateDateTime(OffsetDateTime.of(LocalDate.parse(ds, python(inputFormat)).atStartOfDay(), java.time.ZoneOffset.UTC))
                    .strftime(outputFormat);
        }

        private static DateTimeFormatter python(String format) {
            return DateTimeFormatter.ofPattern(format.replace("%Y", "yyyy").replace("%m", "MM").replace("%d", "dd").replace("%y", "yy"));
        }
    }
}
