package io.vortex.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DagRunStateConverterTest {

    private final DagRunStateConverter states = new DagRunStateConverter();
    private final DagRunTypeConverter types = new DagRunTypeConverter();

    @Test
    void storesAirflowsNamesForRunStates() {
        assertThat(Arrays.stream(DagRunState.values()).map(states::convertToDatabaseColumn))
                .containsExactly("queued", "running", "success", "failed");
    }

    @ParameterizedTest
    @EnumSource(DagRunState.class)
    void everyRunStateSurvivesTheRoundTrip(DagRunState state) {
        assertThat(states.convertToEntityAttribute(states.convertToDatabaseColumn(state))).isEqualTo(state);
    }

    @Test
    void noRunStateIsNull() {
        assertThat(states.convertToDatabaseColumn(null)).isNull();
        assertThat(states.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void anUnknownRunStateInTheDatabaseIsAnError() {
        assertThatIllegalArgumentException().isThrownBy(() -> states.convertToEntityAttribute("QUEUED"))
                .withMessageContaining("QUEUED");
    }

    @Test
    void storesAirflowsNamesForRunTypes() {
        assertThat(Arrays.stream(DagRunType.values()).map(types::convertToDatabaseColumn))
                .containsExactly("scheduled", "manual", "backfill", "dataset_triggered");
    }

    @ParameterizedTest
    @EnumSource(DagRunType.class)
    void everyRunTypeSurvivesTheRoundTrip(DagRunType type) {
        assertThat(types.convertToEntityAttribute(types.convertToDatabaseColumn(type))).isEqualTo(type);
    }

    @Test
    void noRunTypeIsNull() {
        assertThat(types.convertToDatabaseColumn(null)).isNull();
        assertThat(types.convertToEntityAttribute(null)).isNull();
    }
}
