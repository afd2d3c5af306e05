package io.vortex.execution;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link TaskInstanceState} as Airflow's lower-case name; {@code null} (Airflow's
 * "none") stays {@code null}.
 */
@Converter(autoApply = true)
public class TaskInstanceStateConverter implements AttributeConverter<TaskInstanceState, String> {

    @Override
    public String convertToDatabaseColumn(TaskInstanceState state) {
        return state == null ? null : state.airflowName();
    }

    @Override
    public TaskInstanceState convertToEntityAttribute(String column) {
        return column == null ? null : TaskInstanceState.fromAirflowName(column);
    }
}
