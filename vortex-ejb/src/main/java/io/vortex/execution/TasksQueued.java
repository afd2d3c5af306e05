package io.vortex.execution;

import java.util.List;

/**
 * Task instances a transaction moved to queued. The executor starts their tries once that
 * transaction has committed, so a try never begins on a state another server cannot see yet.
 */
public record TasksQueued(List<Long> taskInstanceIds) {

    public TasksQueued {
        taskInstanceIds = List.copyOf(taskInstanceIds);
    }
}
