package io.vortex.schedule;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link DagRunState} as Airflow's lower-case name, so the column reads like Airflow's. */
@Converter(autoApply = true)
public class DagRunStateConverter implements AttributeConverter<DagRunState, String> {

    @Override
    public String convertToDatabaseColumn(DagRunState state) {
        return state == null ? null : state.airflowName();
    }

    @Override
    public DagRunState convertToEntityAttribute(String column) {
        return column == null ? null : DagRunState.fromAirflowName(column);
    }
}
