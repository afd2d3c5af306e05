package io.vortex.schedule.timetable;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The timetable of a serialized DAG's {@code schedule} (docs/dag-serialization.md). */
public final class Timetables {

    private Timetables() {
    }

    /**
     * @param schedule the DAG's {@code schedule} value
     * @param zone     the DAG's time zone, in which cron expressions are read
     * @throws IllegalArgumentException for a schedule VORTEX cannot step (an unknown type, a cron
     *                                  expression cron-utils rejects)
     */
    public static Timetable of(JsonValue schedule, ZoneId zone) {
        if (schedule == null || schedule.getValueType() != JsonValue.ValueType.OBJECT) {
            return new UnscheduledTimetable("None");
        }
        JsonObject fields = schedule.asJsonObject();
        String type = fields.getString("type", "");
        return switch (type) {
            case "cron", "preset" -> cron(fields, zone);
            case "timedelta" -> new DeltaDataIntervalTimetable(seconds(fields.get("seconds")));
            case "once" -> new OnceTimetable();
            case "continuous" -> new ContinuousTimetable();
            case "dataset" -> new UnscheduledTimetable("Dataset");
            case "dataset_or_time" -> of(fields.get("timetable"), zone);
            case "events" -> new EventsTimetable(instants(fields), fields.getBoolean("restrict_to_events", false));
            case "custom" -> new UnscheduledTimetable("custom timetable " + fields.getString("value", "?")
                    + " (its Python code is not run by the scheduler; trigger the DAG instead)");
            default -> throw new IllegalArgumentException("unknown schedule type '" + type + "'");
        };
    }

    private static Timetable cron(JsonObject fields, ZoneId zone) {
        String expression = fields.getString("cron", fields.getString("value"));
        if (!"CronTriggerTimetable".equals(fields.getString("timetable", null))) {
            return new CronDataIntervalTimetable(expression, zone);
        }
        ZoneId own = fields.containsKey("timezone") ? ZoneId.of(fields.getString("timezone")) : zone;
        JsonValue interval = fields.get("interval");
        return new CronTriggerTimetable(expression, own, interval instanceof JsonNumber ? seconds(interval) : Duration.ZERO);
    }

    private static Duration seconds(JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            throw new IllegalArgumentException("a schedule interval needs its seconds");
        }
        return Duration.ofNanos(Math.round(number.doubleValue() * 1_000_000_000d));
    }

    private static List<Instant> instants(JsonObject fields) {
        return fields.getJsonArray("dates").getValuesAs(JsonString.class).stream()
                .map(date -> OffsetDateTime.parse(date.getString()).toInstant())
                .toList();
    }
}
