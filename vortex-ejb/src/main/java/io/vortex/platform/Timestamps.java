package io.vortex.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times as Airflow writes them (Python's {@code isoformat()} of an aware datetime in UTC):
 * seconds always, microseconds when not zero, the offset as {@code +00:00}.
 */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private Timestamps() {
    }

    /** The current time to the microsecond, Airflow's precision. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The same instant in UTC, to the microsecond. */
    public static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code 2024-01-01T00:00:00+00:00}, or {@code 2024-01-01T00:00:00.250000+00:00}. */
    public static String isoformat(OffsetDateTime time) {
        OffsetDateTime utc = utc(time);
        return (utc.getNano() == 0 ? SECONDS : MICROS).format(utc) + "+00:00";
    }
}
