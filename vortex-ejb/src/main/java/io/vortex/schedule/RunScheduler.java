package io.vortex.schedule;

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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduler's clock: a non-persistent interval timer on every server (every
 * {@code vortex.scheduler.tick-ms}, one second by default) that creates the runs falling due.
 * Servers sharing a database all tick; the row lock in {@link RunPlanner#createDueRuns} makes
 * them take turns per DAG instead of duplicating runs.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class RunScheduler {

    private static final Logger LOG = Logger.getLogger(RunScheduler.class.getName());
    /** DAGs looked at per tick; more wait for the next one, which comes as soon as this ends. */
    private static final int DAGS_PER_TICK = 500;

    @Resource
    private TimerService timerService;

    @Inject
    private RunPlanner planner;

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
        List<Long> due = planner.dueDags(Timestamps.now(), DAGS_PER_TICK);
        for (Long dagPk : due) {
            try {
                planner.createDueRuns(dagPk);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Creating the due runs of DAG #" + dagPk + " failed; it is tried again at the next tick", e);
            }
        }
    }
}
