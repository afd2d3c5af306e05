package io.vortex.schedule;

import io.vortex.dag.Dag;
import io.vortex.dag.DagRepository;
import io.vortex.dag.DagVersion;
import io.vortex.dag.DagsStored;
import io.vortex.dag.ParsedDag;
import io.vortex.dag.SerializedDag;
import io.vortex.dag.TaskSpec;
import io.vortex.execution.TaskInstanceRepository;
import io.vortex.platform.Timestamps;
import io.vortex.schedule.timetable.DagRunInfo;
import io.vortex.schedule.timetable.DataInterval;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the scheduled runs of DAGs, with their task instances, as their timetables fall due,
 * and keeps each DAG's {@code next_dagrun*} fields saying what comes next. The fields are a plan:
 * when a DAG is due, its next run is computed again against the clock, so a DAG without catchup
 * that was paused for a week runs its latest interval, not a week-old one. Each DAG is handled in
 * a transaction of its own under a row lock, so two servers never create the same run.
 */
@Stateless
public class RunPlanner {

    /** Runs created for one DAG in one pass; a long catchup continues in the next pass. */
    private static final int RUNS_PER_PASS = 100;

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    @Inject
    private DagRunRepository runs;

    @Inject
    private DagRepository dags;

    @Inject
    private TaskInstanceRepository taskInstances;

    @Inject
    private Event<RunsQueued> runsQueued;

    /** Plans the next run of DAGs whose definition is new or changed, in the transaction that stored them. */
    public void onDagsStored(@Observes DagsStored stored) {
        Instant now = Instant.now();
        for (DagsStored.Changed changed : stored.dags()) {
            Dag dag = changed.dag();
            DagSchedule.steppable(dag, changed.parsed()).ifPresentOrElse(
                    schedule -> plan(dag, schedule.next(changed.isNew() ? Optional.empty() : runs.latestAutomatedInterval(dag), now)),
                    dag::noNextRun);
        }
    }

    /** Ids of the DAGs whose next run may be created by {@code now}, the longest waiting first. */
    public List<Long> dueDags(OffsetDateTime now, int limit) {
        return em.createQuery("SELECT d.id FROM Dag d WHERE d.paused = FALSE AND d.active = TRUE"
                        + " AND d.nextDagrunCreateAfter <= :now ORDER BY d.nextDagrunCreateAfter", Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Creates the due runs of one DAG, up to its {@code max_active_runs}; how many were created. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int createDueRuns(long dagPk) {
        Dag dag = em.find(Dag.class, dagPk, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = Timestamps.now();
        if (dag == null || dag.isPaused() || !dag.isActive() || dag.getNextDagrunCreateAfter() == null
                || dag.getNextDagrunCreateAfter().isAfter(now)) {
            return 0;
        }
        Optional<ParsedDag> parsed = dags.serialized(dag).map(SerializedDag::parsed);
        Optional<DagSchedule> schedule = parsed.flatMap(definition -> DagSchedule.steppable(dag, definition));
        if (schedule.isEmpty()) {
            dag.noNextRun();
            return 0;
        }
        Map<String, TaskSpec> tasks = parsed.get().tasks();
        int limit = schedule.get().maxActiveRuns(dag.getMaxActiveRuns());
        long active = runs.countActive(dag);
        Optional<DataInterval> last = runs.latestAutomatedInterval(dag);
        Optional<DagVersion> version = dags.latestVersion(dag);
        int created = 0;
        while (true) {
            Optional<DagRunInfo> next = schedule.get().next(last, now.toInstant());
            if (next.isEmpty() || next.get().runAfter().isAfter(now.toInstant())) {
                announce(dag, created);
                plan(dag, next);
                return created;
            }
            if (active >= limit || created == RUNS_PER_PASS) {
                announce(dag, created);
                plan(dag, next);
                if (active >= limit) {
                    dag.holdNextRun();
                }
                return created;
            }
            OffsetDateTime logicalDate = Timestamps.utc(next.get().logicalDate());
            if (!runs.existsAt(dag, logicalDate)) {
                DagRun run = new DagRun(dag, version.orElse(null), DagRunType.SCHEDULED.runIdFor(logicalDate), DagRunType.SCHEDULED,
                        logicalDate, Timestamps.utc(next.get().dataInterval().start()), Timestamps.utc(next.get().dataInterval().end()),
                        null, now);
                runs.add(run);
                taskInstances.addMissing(run, tasks);
                active++;
                created++;
            }
            last = Optional.of(next.get().dataInterval());
        }
    }

    private void announce(Dag dag, int created) {
        if (created > 0) {
            runsQueued.fire(new RunsQueued(dag.getId()));
        }
    }

    private static void plan(Dag dag, Optional<DagRunInfo> next) {
        next.ifPresentOrElse(info -> dag.scheduleNext(Timestamps.utc(info.logicalDate()), Timestamps.utc(info.dataInterval().start()),
                Timestamps.utc(info.dataInterval().end()), Timestamps.utc(info.runAfter())), dag::noNextRun);
    }
}
