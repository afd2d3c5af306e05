package io.vortex.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void orderByWithoutPrefixIsAscending() {
        assertThat(PageRequest.of(0, 10, "dag_id", "x")).isEqualTo(new PageRequest(0, 10, "dag_id", false));
    }

    @Test
    void aMinusPrefixMeansDescending() {
        assertThat(PageRequest.of(5, 10, "-next_dagrun", "x")).isEqualTo(new PageRequest(5, 10, "next_dagrun", true));
    }

    @Test
    void aMissingOrderByTakesTheDefault() {
        assertThat(PageRequest.of(0, 10, null, "dag_id").orderBy()).isEqualTo("dag_id");
        assertThat(PageRequest.of(0, 10, "  ", "-dag_id").descending()).isTrue();
    }

    @Test
    void offsetAndLimitMustBeInRange() {
        assertThatThrownBy(() -> new PageRequest(-1, 10, "dag_id", false)).hasMessageContaining("offset");
        assertThatThrownBy(() -> new PageRequest(0, 0, "dag_id", false)).hasMessageContaining("limit");
    }

    @Test
    void theOrderByClauseTranslatesTheAttributeAndBreaksTiesOnTheUniqueOne() {
        Map<String, String> orderable = Map.of("dag_id", "dagId", "next_dagrun", "nextDagrun");

        assertThat(PageRequest.of(0, 10, "-next_dagrun", "dag_id").orderByClause("d", orderable, "dagId"))
                .isEqualTo(" ORDER BY d.nextDagrun DESC, d.dagId ASC");
        assertThat(PageRequest.of(0, 10, "dag_id", "dag_id").orderByClause("d", orderable, "dagId"))
                .isEqualTo(" ORDER BY d.dagId ASC");
        assertThatThrownBy(() -> PageRequest.of(0, 10, "fileloc", "dag_id").orderByClause("d", orderable, "dagId"))
                .isInstanceOf(UnknownOrderingException.class);
    }
}
