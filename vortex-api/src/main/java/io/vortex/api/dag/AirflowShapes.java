package io.vortex.api.dag;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Value shapes of Airflow's v1 API that VORTEX keeps differently: a schedule as
 * {@code {"__type": "CronExpression", "value": ...}} or a {@code TimeDelta} object, and durations
 * as {@code {"__type": "TimeDelta", "days", "seconds", "microseconds"}}.
 */
final class AirflowShapes {

    private AirflowShapes() {
    }

    /**
     * Airflow's ScheduleInterval for a schedule as the {@code dag} table keeps it: cron
     * expressions and presets as CronExpression, ISO-8601 durations as TimeDelta, none as null.
     */
    static JsonValue scheduleInterval(String schedule) {
        if (schedule == null) {
            return JsonValue.NULL;
        }
        if (schedule.startsWith("P")) {
            try {
                return timeDelta(Duration.parse(schedule));
            } catch (DateTimeParseException notADuration) {
                // a cron expression never starts with P; keep whatever it is as written
            }
        }
        return Json.createObjectBuilder().add("__type", "CronExpression").add("value", schedule).build();
    }

    /** A duration given in seconds (as the shim serializes timedeltas), or null. */
    static JsonValue timeDelta(JsonValue seconds) {
        if (!(seconds instanceof JsonNumber number)) {
            return JsonValue.NULL;
        }
        return timeDelta(Duration.ofNanos(Math.round(number.doubleValue() * 1_000_000_000d)));
    }

    static JsonObject timeDelta(Duration duration) {
        long days = duration.toDays();
        Duration rest = duration.minusDays(days);
        return Json.createObjectBuilder()
                .add("__type", "TimeDelta")
                .add("days", days)
                .add("seconds", rest.toSeconds())
                .add("microseconds", rest.toNanosPart() / 1000)
                .build();
    }
}
