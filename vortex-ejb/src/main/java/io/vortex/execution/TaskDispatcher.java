package io.vortex.execution;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The executor: starts a {@code vortex-task} batch job for every task instance a transaction
 * queued, once that transaction has committed. A job that cannot be started leaves its instance
 * queued; recovery dispatches queued instances again when the server starts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskDispatcher {

    private static final Logger LOG = Logger.getLogger(TaskDispatcher.class.getName());
    private static final String JOB = "vortex-task";

    public void onTasksQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TasksQueued queued) {
        dispatch(queued);
    }

    public void dispatch(TasksQueued queued) {
        JobOperator jobs = BatchRuntime.getJobOperator();
        for (Long id : queued.taskInstanceIds()) {
            Properties parameters = new Properties();
            parameters.setProperty("taskInstanceId", Long.toString(id));
            try {
                jobs.start(JOB, parameters);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The batch job of task instance #" + id + " did not start; the scheduler will try again", e);
            }
        }
    }
}
