package io.vortex.execution;

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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks up the work a stopped or killed server left (docs/execution.md, "Recovery"), once, right
 * after start: a try that was running is over, since its server is gone — its leftover processes
 * are killed and it ends failed, with retries applied as for any failure, so nothing stays running
 * forever and nothing runs twice unannounced; an instance still queued never started, so its
 * batch job is started again.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class TaskRecovery {

    private static final Logger LOG = Logger.getLogger(TaskRecovery.class.getName());

    @Resource
    private TimerService timerService;

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    @Inject
    private TaskInstanceRepository taskInstances;

    @Inject
    private TaskTries tries;

    @Inject
    private TaskDispatcher dispatcher;

    @PostConstruct
    void scheduleRecovery() {
        // after deployment has finished, so the batch runtime takes jobs
        timerService.createSingleActionTimer(1000, new TimerConfig("task-recovery", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recover() {
        List<Long> running = taskInstances.idsInState(TaskInstanceState.RUNNING);
        int retried = 0;
        for (Long id : running) {
            try {
                killLeftovers(id);
                Optional<TaskInstanceState> state = tries.abandon(id, "The server running this try stopped before it ended;"
                        + " the try counts as failed (VORTEX recovery at server start)");
                retried += state.filter(s -> s == TaskInstanceState.UP_FOR_RETRY).isPresent() ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Recovering task instance #" + id + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        List<Long> queued = taskInstances.idsInState(TaskInstanceState.QUEUED);
        dispatcher.dispatch(new TasksQueued(queued));
        int retriedCount = retried;
        if (!running.isEmpty() || !queued.isEmpty()) {
            LOG.info(() -> "Recovery: " + running.size() + " interrupted tries ended failed (" + retriedCount + " up for retry), "
                    + queued.size() + " queued task instances dispatched again");
        }
    }

    private void killLeftovers(long id) throws InterruptedException {
        TaskInstance ti = em.find(TaskInstance.class, id);
        if (ti != null && ti.getPid() != null && TaskProcesses.killAbandoned(ti.getPid(), id, ti.getTryNumber())) {
            LOG.info(() -> "Recovery killed process " + ti.getPid() + " left by " + ti.describe() + " try " + ti.getTryNumber());
        }
    }
}
