package io.vortex.dag.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseResultTest {

    @Test
    void eachDagKeepsTheTextTheEngineWroteForIt() {
        String answer = "{\"id\": 7, \"dags\": [{\"dag_id\": \"a\", \"doc_md\": \"} { ]\", \"tasks\": [{\"task_id\": \"t\"}]},"
                + " {\"dag_id\": \"caf\\u00e9\"}], \"error\": null}";

        ParseResult result = ParseResult.fromShim(answer, Engine.CPYTHON, 0);

        assertThat(result.error()).isEmpty();
        assertThat(result.dagTexts()).containsExactly(
                "{\"dag_id\": \"a\", \"doc_md\": \"} { ]\", \"tasks\": [{\"task_id\": \"t\"}]}", "{\"dag_id\": \"caf\\u00e9\"}");
        assertThat(result.dags().get(0).getString("doc_md")).isEqualTo("} { ]");
        assertThat(result.dags().get(1).getString("dag_id")).isEqualTo("café");
    }

    @Test
    void anErrorAnswerHasNoDags() {
        ParseResult result = ParseResult.fromShim("{\"dags\": [], \"error\": {\"kind\": \"SyntaxError\", \"message\": \"invalid syntax\","
                + " \"line\": 3, \"traceback\": null}}", Engine.JYTHON, 0);

        assertThat(result.dags()).isEmpty();
        assertThat(result.error()).hasValueSatisfying(error -> {
            assertThat(error.kind()).isEqualTo("SyntaxError");
            assertThat(error.line()).isEqualTo(3);
        });
        assertThat(result.needsPython3()).isTrue();
    }
}
