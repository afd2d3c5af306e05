package io.vortex.schedule;

import java.util.Objects;

/**
 * The states of a DAG run, stored under Airflow's lower-case names by {@link DagRunStateConverter}.
 */
public enum DagRunState {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCESS("success"),
    FAILED("failed");

    private final String airflowName;

    DagRunState(String airflowName) {
        this.airflowName = airflowName;
    }

    /** The name Airflow uses in its database and REST API, e.g. {@code queued}. */
    public String airflowName() {
        return airflowName;
    }

    /** @throws IllegalArgumentException if {@code airflowName} is not a DAG run state */
    public static DagRunState fromAirflowName(String airflowName) {
        Objects.requireNonNull(airflowName, "airflowName");
        for (DagRunState state : values()) {
            if (state.airflowName.equals(airflowName)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown DAG run state '" + airflowName + "'");
    }
}
