package io.vortex.execution;

import java.util.Objects;

/**
 * The states of a task instance, stored under Airflow's lower-case names by
 * {@link TaskInstanceStateConverter}. Airflow's "none" (created, not yet scheduled) has no
 * constant: it is a {@code null} state, as in Airflow's database.
 */
public enum TaskInstanceState {
    SCHEDULED("scheduled"),
    QUEUED("queued"),
    RUNNING("running"),
    SUCCESS("success"),
    FAILED("failed"),
    UP_FOR_RETRY("up_for_retry"),
    UP_FOR_RESCHEDULE("up_for_reschedule"),
    UPSTREAM_FAILED("upstream_failed"),
    SKIPPED("skipped"),
    REMOVED("removed"),
    RESTARTING("restarting"),
    TIMED_OUT("timed_out");

    private final String airflowName;

    TaskInstanceState(String airflowName) {
        this.airflowName = airflowName;
    }

    /** Whether an instance in this state is done until cleared: success, failed, skipped, upstream_failed, removed, timed_out. */
    public boolean isFinished() {
        return switch (this) {
            case SUCCESS, FAILED, SKIPPED, UPSTREAM_FAILED, REMOVED, TIMED_OUT -> true;
            default -> false;
        };
    }

    /** The name Airflow uses in its database and REST API, e.g. {@code up_for_retry}. */
    public String airflowName() {
        return airflowName;
    }

    /** @throws IllegalArgumentException if {@code airflowName} is not a task instance state */
    public static TaskInstanceState fromAirflowName(String airflowName) {
        Objects.requireNonNull(airflowName, "airflowName");
        for (TaskInstanceState state : values()) {
            if (state.airflowName.equals(airflowName)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown task instance state '" + airflowName + "'");
    }
}
