package io.vortex.schedule.timetable;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cron expression in a time zone, stepped the way Airflow steps it: on the zone's wall clock,
 * so {@code 0 6 * * *} stays at 6 o'clock across daylight saving changes (a time the clock skips
 * moves forward, a time it passes twice is taken the second time). An expression that fires
 * every hour steps in real time instead, so a repeated hour is not skipped.
 */
final class CronSchedule {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /**
     * Parsed expressions: parsing dominated planning the next runs of a bulk load of DAG files,
     * and thousands of DAGs share a few expressions. Bounded by starting over when full.
     */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 10_000;

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime executions;
    private final boolean everyHour;

    CronSchedule(String expression, ZoneId zone) {
        this.expression = expression;
        this.zone = zone;
        Parsed parsed = PARSED.get(expression);
        if (parsed == null) {
            parsed = parse(expression);
            if (PARSED.size() >= PARSED_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(expression, parsed);
        }
        this.executions = parsed.executions();
        this.everyHour = parsed.everyHour();
    }

    private static Parsed parse(String expression) {
        Cron cron;
        try {
            cron = UNIX.parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a cron expression VORTEX can schedule: " + e.getMessage(), e);
        }
        return new Parsed(ExecutionTime.forCron(cron), cron.retrieve(CronFieldName.HOUR).getExpression() instanceof Always);
    }

    String expression() {
        return expression;
    }

    /** The first time strictly after {@code current}. */
    Instant next(Instant current) {
        LocalDateTime naive = LocalDateTime.ofInstant(current, zone);
        LocalDateTime scheduled = executions.nextExecution(naive.atZone(ZoneOffset.UTC))
                .orElseThrow(() -> new IllegalStateException("'" + expression + "' never fires after " + naive))
                .toLocalDateTime();
        return everyHour ? current.plus(Duration.between(naive, scheduled)) : onWallClock(scheduled);
    }

    /** The last time strictly before {@code current}. */
    Instant previous(Instant current) {
        LocalDateTime naive = LocalDateTime.ofInstant(current, zone);
        LocalDateTime scheduled = executions.lastExecution(naive.atZone(ZoneOffset.UTC))
                .orElseThrow(() -> new IllegalStateException("'" + expression + "' never fired before " + naive))
                .toLocalDateTime();
        return everyHour ? current.minus(Duration.between(scheduled, naive)) : onWallClock(scheduled);
    }

    /** {@code current} when it is a firing time, else the next one. */
    Instant alignToNext(Instant current) {
        Instant next = next(current);
        return previous(next).equals(current) ? current : next;
    }

    /** {@code current} when it is a firing time, else the previous one. */
    Instant alignToPrevious(Instant current) {
        Instant previous = previous(current);
        return next(previous).equals(current) ? current : previous;
    }

    private Instant onWallClock(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
    }

    /** What parsing an expression gives; cron-utils' execution times are immutable, so they are shared. */
    private record Parsed(ExecutionTime executions, boolean everyHour) {
    }
}
