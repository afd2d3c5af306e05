package io.vortex.schedule;

import io.vortex.execution.TaskInstanceRepository;
import io.vortex.platform.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduler's clock: a non-persistent interval timer on every server (every
 * {@code vortex.scheduler.tick-ms}, one second by default) for what depends on time: runs
 * falling due, queued runs a slot has opened for, retries whose delay has passed, runs over their
 * {@code dagrun_timeout}, and, as a safety net, running runs no hand-off has looked at for a
 * while. Hand-offs between tasks do not wait for it. Servers sharing a database all tick; row
 * locks make them take turns per DAG and per run instead of duplicating work.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class RunScheduler {

    private static final Logger LOG = Logger.getLogger(RunScheduler.class.getName());
    /** DAGs looked at per tick; more wait for the next one, which comes as soon as this ends. */
    private static final int DAGS_PER_TICK = 500;
    /** A running run no decision has looked at for this long is looked at by the clock. */
    private static final Duration UNDECIDED = Duration.ofSeconds(30);

    @Resource
    private TimerService timerService;

    @Inject
    private RunPlanner planner;

    @Inject
    private RunSupervisor supervisor;

    @Inject
    private TaskInstanceRepository taskInstances;

    @Inject
    @ConfigProperty(name = "vortex.scheduler.tick-ms", defaultValue = "1000")
    private long tickMillis;

    @PostConstruct
    void start() {
        timerService.createIntervalTimer(tickMillis, tickMillis, new TimerConfig("scheduler-tick", false));
        LOG.info(() -> "Scheduler ticks every " + tickMillis + " ms");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        OffsetDateTime now = Timestamps.now();
        each("creating the due runs of DAG", planner.dueDags(now, DAGS_PER_TICK), planner::createDueRuns);
        each("starting the queued runs of DAG", supervisor.dagsWithQueuedRuns(DAGS_PER_TICK), supervisor::startQueuedRuns);
        each("queueing the retry of task instance", taskInstances.dueRetries(now, DAGS_PER_TICK), supervisor::queueRetry);
        each("enforcing the dagrun_timeout of run", supervisor.overdueRuns(now), supervisor::enforceTimeout);
        each("taking the decisions of run", supervisor.runsUndecidedSince(now.minus(UNDECIDED), DAGS_PER_TICK), supervisor::evaluate);
    }

    /** Does one piece of work per id, each in its own transaction; a failure is retried at the next tick. */
    private static void each(String work, List<Long> ids, LongConsumer action) {
        for (Long id : ids) {
            try {
                action.accept(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The scheduler failed " + work + " #" + id + "; it tries again at the next tick", e);
            }
        }
    }
}
