package io.vortex.schedule;

import io.vortex.dag.Dag;
import io.vortex.dag.DagDefinitions;
import io.vortex.dag.DagRepository;
import io.vortex.execution.TaskInstanceRepository;
import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import io.vortex.platform.Timestamps;
import io.vortex.schedule.timetable.DagRunInfo;
import io.vortex.schedule.timetable.DataInterval;
import io.vortex.schedule.timetable.TimeRestriction;
import io.vortex.schedule.timetable.Timetable;
import io.vortex.schedule.timetable.UnscheduledTimetable;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/** DAG runs for the API, the console and the operators that act on runs: lists, one run, manual triggers. */
@Stateless
public class DagRunService {

    private static final Logger LOG = Logger.getLogger(DagRunService.class.getName());

    @Inject
    private DagRunRepository runs;

    @Inject
    private DagRepository dags;

    @Inject
    private DagDefinitions definitions;

    @Inject
    private TaskInstanceRepository taskInstances;

    @Inject
    private Event<RunsQueued> runsQueued;

    public Page<DagRun> list(DagRunFilter filter, PageRequest page) {
        return runs.find(filter, page);
    }

    public Optional<DagRun> find(String dagId, String runId) {
        return runs.find(dagId, runId);
    }

    /** The DAG's run at a logical date. */
    public Optional<DagRun> findAt(String dagId, OffsetDateTime logicalDate) {
        return dags.findByDagId(dagId).flatMap(dag -> runs.findAt(dag, Timestamps.utc(logicalDate)));
    }

    /**
     * The data interval of the scheduled run that follows one covering {@code interval}, start
     * and end dates aside (Airflow's {@code next_dagrun_info(..., restricted=False)}); empty when
     * the DAG's schedule has none.
     */
    public Optional<DataInterval> intervalAfter(String dagId, DataInterval interval) {
        return dags.findByDagId(dagId)
                .flatMap(dag -> dags.serialized(dag).flatMap(serialized -> DagSchedule.steppable(dag, serialized.parsed())))
                .flatMap(schedule -> schedule.timetable().nextDagRunInfo(Optional.of(interval),
                        new TimeRestriction(Optional.empty(), Optional.empty(), true), Instant.now()))
                .map(DagRunInfo::dataInterval);
    }

    /**
     * Queues a manual run with its task instances, as Airflow's {@code POST /dags/{dag_id}/dagRuns} does: the logical
     * date defaults to now, the run id to {@code manual__<logical date>}, the data interval to
     * what the DAG's timetable infers for a run at the logical date.
     *
     * @return empty when there is no such DAG
     * @throws DagRunConflictException when the run id or the logical date is taken
     * @throws InvalidParamsException    when the conf gives a DAG param no value or one its schema refuses
     */
    public Optional<DagRun> trigger(String dagId, TriggerRequest request) {
        Optional<Dag> found = dags.findByDagId(dagId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Dag dag = found.get();
        OffsetDateTime logicalDate = request.logicalDate().map(Timestamps::utc).orElseGet(Timestamps::now);
        String runId = request.runId().orElseGet(() -> DagRunType.MANUAL.runIdFor(logicalDate));
        if (runs.existsAt(dag, logicalDate)) {
            throw new DagRunConflictException("DAGRun with DAG ID: '" + dagId + "' and DAGRun logical date: '"
                    + Timestamps.isoformat(logicalDate).replace('T', ' ') + "' already exists");
        }
        if (runs.find(dag, runId).isPresent()) {
            throw new DagRunConflictException("DAGRun with DAG ID: '" + dagId + "' and DAGRun ID: '" + runId + "' already exists");
        }
        definitions.current(dag).flatMap(parsed -> parsed.paramsProblem(request.confObject())).ifPresent(problem -> {
            throw new InvalidParamsException(problem);
        });
        DataInterval interval = request.dataIntervalStart().isPresent()
                ? new DataInterval(request.dataIntervalStart().get().toInstant(), request.dataIntervalEnd().orElseThrow().toInstant())
                : timetable(dag).inferManualDataInterval(logicalDate.toInstant());
        DagRun run = new DagRun(dag, dags.latestVersion(dag).orElse(null), runId, DagRunType.MANUAL, logicalDate,
                Timestamps.utc(interval.start()), Timestamps.utc(interval.end()), request.conf().orElse(null), Timestamps.now());
        request.note().ifPresent(run::setNote);
        runs.add(run);
        definitions.current(dag).ifPresent(parsed -> taskInstances.addMissing(run, parsed.tasks()));
        runsQueued.fire(new RunsQueued(dag.getId()));
        LOG.info(() -> "DAG " + dagId + " triggered: run " + runId);
        return Optional.of(run);
    }

    /** The DAG's timetable; a schedule VORTEX cannot step infers like {@code schedule=None}. */
    private Timetable timetable(Dag dag) {
        return dags.serialized(dag).flatMap(serialized -> DagSchedule.steppable(dag, serialized.parsed()))
                .map(DagSchedule::timetable)
                .orElseGet(() -> new UnscheduledTimetable("None"));
    }
}
