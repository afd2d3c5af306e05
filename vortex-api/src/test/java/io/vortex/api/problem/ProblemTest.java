package io.vortex.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void theKindOfAProblemIsItsReasonPhraseInCamelCase() {
        assertThat(Problem.of(Response.Status.NOT_FOUND, "x").type()).isEqualTo("urn:vortex:error:NotFound");
        assertThat(Problem.of(Response.Status.METHOD_NOT_ALLOWED, "x").type()).isEqualTo("urn:vortex:error:MethodNotAllowed");
        assertThat(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "x").type())
                .isEqualTo("urn:vortex:error:UnsupportedMediaType");
    }

    @Test
    void aProblemCarriesStatusTitleAndDetail() {
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "limit must be 1 or more");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.title()).isEqualTo("Bad Request");
        assertThat(problem.detail()).isEqualTo("limit must be 1 or more");
    }
}
