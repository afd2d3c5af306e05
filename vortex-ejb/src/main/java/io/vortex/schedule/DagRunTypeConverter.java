package io.vortex.schedule;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link DagRunType} as Airflow's lower-case name. */
@Converter(autoApply = true)
public class DagRunTypeConverter implements AttributeConverter<DagRunType, String> {

    @Override
    public String convertToDatabaseColumn(DagRunType type) {
        return type == null ? null : type.airflowName();
    }

    @Override
    public DagRunType convertToEntityAttribute(String column) {
        return column == null ? null : DagRunType.fromAirflowName(column);
    }
}
