package io.vortex.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "7353ee99-1624-4d67-922f-85e135c18831", "job.42:step_7"})
    void saneIdsAreKept(String id) {
        assertThat(CorrelationIdFilter.correlationIdOf(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"two words", "line\nbreak", "<script>"})
    void missingOrUnsafeIdsBecomeAFreshUuid(String id) {
        assertThat(UUID.fromString(CorrelationIdFilter.correlationIdOf(id))).isNotNull();
    }

    @Test
    void idsLongerThan128CharactersBecomeAFreshUuid() {
        assertThat(CorrelationIdFilter.correlationIdOf("x".repeat(128))).isEqualTo("x".repeat(128));
        assertThat(UUID.fromString(CorrelationIdFilter.correlationIdOf("x".repeat(129)))).isNotNull();
    }
}
