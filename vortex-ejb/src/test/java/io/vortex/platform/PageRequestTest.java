package io.vortex.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
