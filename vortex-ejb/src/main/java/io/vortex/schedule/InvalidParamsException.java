package io.vortex.schedule;

import jakarta.ejb.ApplicationException;

/** A run's conf that gives a DAG param no value, or one its schema refuses (Airflow's ParamValidationError: 400). */
@ApplicationException(rollback = true)
public class InvalidParamsException extends RuntimeException {

    public InvalidParamsException(String message) {
        super(message);
    }
}
