package io.vortex.schedule;

import jakarta.ejb.ApplicationException;

/** A run with the same run id or logical date already exists for the DAG (Airflow's 409). */
@ApplicationException(rollback = true)
public class DagRunConflictException extends RuntimeException {

    public DagRunConflictException(String message) {
        super(message);
    }
}
