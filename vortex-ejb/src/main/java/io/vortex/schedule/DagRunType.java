package io.vortex.schedule;

import io.vortex.platform.Timestamps;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Why a DAG run exists, stored under Airflow's lower-case names by {@link DagRunTypeConverter}.
 * The name is also the prefix of generated run ids ({@code scheduled__2024-01-01T00:00:00+00:00}).
 */
public enum DagRunType {
    SCHEDULED("scheduled"),
    MANUAL("manual"),
    BACKFILL("backfill"),
    DATASET_TRIGGERED("dataset_triggered");

    private final String airflowName;

    DagRunType(String airflowName) {
        this.airflowName = airflowName;
    }

    /** The name Airflow uses in its database and REST API, e.g. {@code scheduled}. */
    public String airflowName() {
        return airflowName;
    }

    /** Airflow's generated run id for a run of this type at {@code logicalDate}. */
    public String runIdFor(OffsetDateTime logicalDate) {
        return airflowName + "__" + Timestamps.isoformat(logicalDate);
    }

    /** @throws IllegalArgumentException if {@code airflowName} is not a run type */
    public static DagRunType fromAirflowName(String airflowName) {
        Objects.requireNonNull(airflowName, "airflowName");
        for (DagRunType type : values()) {
            if (type.airflowName.equals(airflowName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown DAG run type '" + airflowName + "'");
    }
}
