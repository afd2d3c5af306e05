package io.vortex.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JpqlWhereTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void onlyTheFiltersGivenBecomeConditions() {
        JpqlWhere where = new JpqlWhere()
                .and("r.runId = :runId", "runId", Optional.empty())
                .and("r.dag.dagId = :dagId", "dagId", Optional.of("etl"))
                .in("r.state", "states", List.of())
                .in("r.pool", "pools", List.of("a"))
                .within("r.logicalDate", "logical", new TimeRange(Optional.of(NOON), Optional.empty()))
                .and("r.active = TRUE");

        assertThat(where.clause()).isEqualTo(" WHERE 1 = 1 AND r.dag.dagId = :dagId AND r.pool IN :pools"
                + " AND r.logicalDate >= :logicalFrom AND r.active = TRUE");
    }
}
