package io.vortex.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskInstanceStateConverterTest {

    private final TaskInstanceStateConverter converter = new TaskInstanceStateConverter();

    @Test
    void storesAirflowsNames() {
        assertThat(Arrays.stream(TaskInstanceState.values()).map(converter::convertToDatabaseColumn))
                .containsExactly("scheduled", "queued", "running", "success", "failed", "up_for_retry",
                        "up_for_reschedule", "upstream_failed", "skipped", "removed", "restarting", "timed_out");
    }

    @ParameterizedTest
    @EnumSource(TaskInstanceState.class)
    void everyStateSurvivesTheRoundTrip(TaskInstanceState state) {
        assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(state))).isEqualTo(state);
    }

    @Test
    void airflowsNoneIsNullBothWays() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void theStringNoneIsNotAState() {
        assertThatIllegalArgumentException().isThrownBy(() -> converter.convertToEntityAttribute("none"));
    }
}
