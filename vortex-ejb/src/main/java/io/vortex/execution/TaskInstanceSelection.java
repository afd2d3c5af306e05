package io.vortex.execution;

import io.vortex.platform.TimeRange;
import java.util.Optional;
import java.util.Set;

/**
 * Which task instances of a DAG's runs an operator's clear or mark takes: the runs in a range of
 * logical dates (one run when both ends are its date), some tasks or all (less excluded ones),
 * and some states or all but one.
 *
 * @param taskIds    empty for every task
 * @param states     empty for any state
 * @param notInState instances already in this state are left out (a mark to that state)
 */
public record TaskInstanceSelection(TimeRange logicalDate, Optional<Set<String>> taskIds,
                                    Set<String> excludedTaskIds, Optional<Set<TaskInstanceState>> states,
                                    Optional<TaskInstanceState> notInState) {

    public TaskInstanceSelection {
        taskIds = taskIds.map(Set::copyOf);
        excludedTaskIds = Set.copyOf(excludedTaskIds);
        states = states.map(Set::copyOf);
    }
}
