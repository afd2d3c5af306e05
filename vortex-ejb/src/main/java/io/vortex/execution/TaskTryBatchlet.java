package io.vortex.execution;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The step of the {@code vortex-task} job (META-INF/batch-jobs/vortex-task.xml): one try of one
 * task instance. The job's own repository is in memory; VORTEX's tables record the try.
 */
@Named
@Dependent
public class TaskTryBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String taskInstanceId;

    @Inject
    private TaskTryRunner runner;

    @Override
    public String process() {
        runner.run(Long.parseLong(taskInstanceId));
        return "COMPLETED";
    }

    /** The batch runtime stops the job (the server is stopping): the try's processes are killed. */
    @Override
    public void stop() {
        runner.stop(Long.parseLong(taskInstanceId));
    }
}
