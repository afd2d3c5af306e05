package io.vortex.schedule.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Airflow 2.x's timetable answers, boundary by boundary. */
class TimetablesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static TimeRestriction from(String start, boolean catchup) {
        return new TimeRestriction(Optional.of(at(start)), Optional.empty(), catchup);
    }

    private static Optional<DataInterval> after(String start, String end) {
        return Optional.of(new DataInterval(at(start), at(end)));
    }

    private static Timetable schedule(String json) {
        return Timetables.of(Json.createReader(new StringReader(json)).readValue(), UTC);
    }

    @Nested
    class Cron {

        private final Timetable daily = new CronDataIntervalTimetable("0 0 * * *", UTC);

        @Test
        void withCatchupTheFirstRunCoversTheFirstIntervalAfterTheStartDate() {
            assertThat(daily.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:00:00Z", true), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-01T00:00:00Z"), at("2024-01-02T00:00:00Z")));
        }

        @Test
        void eachRunCoversTheIntervalAfterThePreviousOne() {
            assertThat(daily.nextDagRunInfo(after("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"),
                    from("2024-01-01T00:00:00Z", true), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z")));
        }

        @Test
        void aStartDateBetweenTwoFiringTimesWaitsForTheNextOne() {
            assertThat(daily.nextDagRunInfo(Optional.empty(), from("2024-01-01T10:30:00Z", true), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z")));
        }

        @Test
        void withoutCatchupTheFirstRunIsTheLatestCompleteInterval() {
            assertThat(daily.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:00:00Z", false), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-04T00:00:00Z"), at("2024-01-05T00:00:00Z")));
        }

        @Test
        void withoutCatchupOnABoundaryTheIntervalEndingNowRuns() {
            assertThat(daily.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:00:00Z", false), at("2024-01-05T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-04T00:00:00Z"), at("2024-01-05T00:00:00Z")));
        }

        @Test
        void withoutCatchupAnOldLastRunSkipsTheMissedIntervals() {
            assertThat(daily.nextDagRunInfo(after("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"),
                    from("2024-01-01T00:00:00Z", false), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-04T00:00:00Z"), at("2024-01-05T00:00:00Z")));
        }

        @Test
        void withoutCatchupAStartDateInTheFutureWins() {
            assertThat(daily.nextDagRunInfo(Optional.empty(), from("2024-02-01T00:00:00Z", false), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-02-01T00:00:00Z"), at("2024-02-02T00:00:00Z")));
        }

        @Test
        void theEndDateIsTheLastIntervalStart() {
            TimeRestriction restriction = new TimeRestriction(Optional.of(at("2024-01-01T00:00:00Z")),
                    Optional.of(at("2024-01-02T00:00:00Z")), true);

            assertThat(daily.nextDagRunInfo(after("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"), restriction, at("2024-02-01T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z")));
            assertThat(daily.nextDagRunInfo(after("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"), restriction, at("2024-02-01T00:00:00Z")))
                    .isEmpty();
        }

        @Test
        void noStartDateMeansNoScheduledRunWithCatchup() {
            assertThat(daily.nextDagRunInfo(Optional.empty(), new TimeRestriction(Optional.empty(), Optional.empty(), true),
                    at("2024-01-05T12:00:00Z"))).isEmpty();
        }

        @Test
        void aChangedScheduleRealignsAfterTheLastRun() {
            Timetable sixAm = new CronDataIntervalTimetable("0 6 * * *", UTC);

            assertThat(sixAm.nextDagRunInfo(after("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"),
                    from("2024-01-01T00:00:00Z", true), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-01T06:00:00Z"), at("2024-01-02T06:00:00Z")));
        }

        @Test
        void aManualRunCoversTheLastCompleteInterval() {
            assertThat(daily.inferManualDataInterval(at("2024-01-25T01:00:00Z")))
                    .isEqualTo(new DataInterval(at("2024-01-24T00:00:00Z"), at("2024-01-25T00:00:00Z")));
            assertThat(daily.inferManualDataInterval(at("2024-01-25T00:00:00Z")))
                    .isEqualTo(new DataInterval(at("2024-01-24T00:00:00Z"), at("2024-01-25T00:00:00Z")));
        }

        @Test
        void dayOfMonthAndDayOfWeekTogetherMeanEitherAsInCron() {
            Timetable firstOrMonday = new CronDataIntervalTimetable("0 0 1 * 1", UTC);

            assertThat(firstOrMonday.nextDagRunInfo(Optional.empty(), from("2024-01-02T00:00:00Z", true), at("2024-03-01T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-08T00:00:00Z"), at("2024-01-15T00:00:00Z")));
        }

        @Test
        void anInvalidExpressionIsRefusedWithItsText() {
            assertThatIllegalArgumentException().isThrownBy(() -> new CronDataIntervalTimetable("0 25 * * *", UTC))
                    .withMessageContaining("'0 25 * * *'");
        }
    }

    @Nested
    class TimeZones {

        @Test
        void aDailyTimeStaysOnTheWallClockAcrossDaylightSaving() {
            Timetable sixAm = new CronDataIntervalTimetable("0 6 * * *", PARIS);

            // 06:00 CET is 05:00Z; after the spring change 06:00 CEST is 04:00Z
            assertThat(sixAm.nextDagRunInfo(after("2024-03-29T05:00:00Z", "2024-03-30T05:00:00Z"),
                    from("2024-03-01T05:00:00Z", true), at("2024-04-05T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-03-30T05:00:00Z"), at("2024-03-31T04:00:00Z")));
        }

        @Test
        void aTimeTheClockSkipsMovesForward() {
            Timetable halfPastTwo = new CronDataIntervalTimetable("30 2 * * *", PARIS);

            // 02:30 does not exist on 31 March 2024 in Paris: 03:30 CEST, 01:30Z
            assertThat(halfPastTwo.nextDagRunInfo(after("2024-03-29T01:30:00Z", "2024-03-30T01:30:00Z"),
                    from("2024-03-01T01:30:00Z", true), at("2024-04-05T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-03-30T01:30:00Z"), at("2024-03-31T01:30:00Z")));
        }

        @Test
        void aTimeTheClockPassesTwiceIsTakenTheSecondTime() {
            Timetable halfPastTwo = new CronDataIntervalTimetable("30 2 * * *", PARIS);

            // 02:30 happens twice on 27 October 2024: the run is at 02:30 CET, 01:30Z
            assertThat(halfPastTwo.nextDagRunInfo(after("2024-10-25T00:30:00Z", "2024-10-26T00:30:00Z"),
                    from("2024-10-01T00:30:00Z", true), at("2024-11-05T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-10-26T00:30:00Z"), at("2024-10-27T01:30:00Z")));
        }

        @Test
        void anHourlyScheduleKeepsTheRepeatedHour() {
            Timetable hourly = new CronDataIntervalTimetable("0 * * * *", PARIS);

            // 00:00Z is 02:00 CEST; an hour later it is 02:00 CET again, and that hour runs too
            assertThat(hourly.nextDagRunInfo(after("2024-10-26T23:00:00Z", "2024-10-27T00:00:00Z"),
                    from("2024-10-01T00:00:00Z", true), at("2024-11-05T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-10-27T00:00:00Z"), at("2024-10-27T01:00:00Z")));
        }
    }

    @Nested
    class Delta {

        private final Timetable hourly = new DeltaDataIntervalTimetable(Duration.ofHours(1));

        @Test
        void withCatchupIntervalsStartAtTheStartDate() {
            assertThat(hourly.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:20:00Z", true), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-01T00:20:00Z"), at("2024-01-01T01:20:00Z")));
            assertThat(hourly.nextDagRunInfo(after("2024-01-01T00:20:00Z", "2024-01-01T01:20:00Z"),
                    from("2024-01-01T00:20:00Z", true), at("2024-01-05T12:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-01T01:20:00Z"), at("2024-01-01T02:20:00Z")));
        }

        @Test
        void withoutCatchupTheClockIsRoundedDownToTheIntervalThenSteppedBack() {
            assertThat(hourly.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:00:00Z", false), at("2024-01-05T12:34:56Z")))
                    .contains(DagRunInfo.interval(at("2024-01-05T11:00:00Z"), at("2024-01-05T12:00:00Z")));
        }

        @Test
        void aManualRunCoversTheIntervalBeforeIt() {
            assertThat(hourly.inferManualDataInterval(at("2024-01-05T12:34:56Z")))
                    .isEqualTo(new DataInterval(at("2024-01-05T11:34:56Z"), at("2024-01-05T12:34:56Z")));
        }
    }

    @Nested
    class Others {

        @Test
        void onceRunsAtTheStartDateOnly() {
            Timetable once = schedule("{\"type\": \"once\"}");

            assertThat(once.nextDagRunInfo(Optional.empty(), from("2024-01-01T10:00:00Z", false), at("2024-03-01T00:00:00Z")))
                    .contains(DagRunInfo.exact(at("2024-01-01T10:00:00Z")));
            assertThat(once.nextDagRunInfo(after("2024-01-01T10:00:00Z", "2024-01-01T10:00:00Z"),
                    from("2024-01-01T10:00:00Z", false), at("2024-03-01T00:00:00Z"))).isEmpty();
        }

        @Test
        void aCronTriggerRunsAtTheFiringTimeWithItsIntervalBefore() {
            Timetable wednesdays = schedule("{\"type\": \"cron\", \"value\": \"0 1 * * 3\", \"timetable\": \"CronTriggerTimetable\","
                    + " \"timezone\": \"UTC\", \"interval\": 3600.0}");

            assertThat(wednesdays.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:00:00Z", true), at("2024-01-20T00:00:00Z")))
                    .contains(new DagRunInfo(at("2024-01-03T01:00:00Z"), new DataInterval(at("2024-01-03T00:00:00Z"), at("2024-01-03T01:00:00Z"))));
            assertThat(wednesdays.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:00:00Z", false), at("2024-01-20T00:00:00Z")))
                    .map(DagRunInfo::runAfter).contains(at("2024-01-17T01:00:00Z"));
        }

        @Test
        void eventsRunAtEachListedDateInOrder() {
            Timetable events = schedule("{\"type\": \"events\", \"dates\": [\"2024-03-01T12:00:00+00:00\", \"2024-01-15T08:00:00+00:00\"],"
                    + " \"restrict_to_events\": true}");
            TimeRestriction restriction = from("2024-01-01T00:00:00Z", true);

            assertThat(events.nextDagRunInfo(Optional.empty(), restriction, at("2024-01-01T00:00:00Z")))
                    .contains(DagRunInfo.exact(at("2024-01-15T08:00:00Z")));
            assertThat(events.nextDagRunInfo(after("2024-01-15T08:00:00Z", "2024-01-15T08:00:00Z"), restriction, at("2024-01-01T00:00:00Z")))
                    .contains(DagRunInfo.exact(at("2024-03-01T12:00:00Z")));
            assertThat(events.nextDagRunInfo(after("2024-03-01T12:00:00Z", "2024-03-01T12:00:00Z"), restriction, at("2024-01-01T00:00:00Z")))
                    .isEmpty();
            assertThat(events.inferManualDataInterval(at("2024-02-01T00:00:00Z"))).isEqualTo(DataInterval.exact(at("2024-01-15T08:00:00Z")));
        }

        @Test
        void continuousRunsFromTheLastEndUntilNowOneAtATime() {
            Timetable continuous = schedule("{\"type\": \"continuous\"}");

            assertThat(continuous.nextDagRunInfo(after("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"),
                    from("2024-01-01T00:00:00Z", false), at("2024-01-03T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z")));
            assertThat(continuous.activeRunsLimit()).contains(1);
        }

        @Test
        void noneDatasetsAndCustomTimetablesAreNeverStartedByTheClock() {
            for (String json : new String[] {"null", "{\"type\": \"dataset\", \"uris\": [\"s3://a\"]}",
                "{\"type\": \"custom\", \"value\": \"etl.Payday\"}"}) {
                Timetable timetable = schedule(json);

                assertThat(timetable.canBeScheduled()).as(json).isFalse();
                assertThat(timetable.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:00:00Z", true), at("2024-02-01T00:00:00Z")))
                        .as(json).isEmpty();
                assertThat(timetable.inferManualDataInterval(at("2024-02-01T00:00:00Z"))).isEqualTo(DataInterval.exact(at("2024-02-01T00:00:00Z")));
            }
        }

        @Test
        void aDatasetOrTimeScheduleKeepsItsClock() {
            Timetable timetable = schedule("{\"type\": \"dataset_or_time\", \"uris\": [\"s3://a\"],"
                    + " \"timetable\": {\"type\": \"preset\", \"value\": \"@daily\", \"cron\": \"0 0 * * *\"}}");

            assertThat(timetable.nextDagRunInfo(Optional.empty(), from("2024-01-01T00:00:00Z", true), at("2024-02-01T00:00:00Z")))
                    .contains(DagRunInfo.interval(at("2024-01-01T00:00:00Z"), at("2024-01-02T00:00:00Z")));
        }

        @Test
        void anUnknownScheduleTypeIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> schedule("{\"type\": \"lunar\"}")).withMessageContaining("lunar");
        }
    }

    @Test
    void aJsonNullScheduleIsNone() {
        assertThat(Timetables.of(JsonValue.NULL, UTC).canBeScheduled()).isFalse();
    }
}
