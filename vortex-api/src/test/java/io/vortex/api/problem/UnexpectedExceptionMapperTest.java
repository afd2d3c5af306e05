package io.vortex.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.platform.CorrelationIdFilter;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    @AfterEach
    void clearMdc() {
        MDC.remove(CorrelationIdFilter.MDC_KEY);
    }

    @Test
    void anUnexpectedErrorBecomesA500ProblemNamingTheCorrelationIdAndNothingElse() {
        MDC.put(CorrelationIdFilter.MDC_KEY, "req-123");

        Response response = new UnexpectedExceptionMapper()
                .toResponse(new IllegalStateException("secret internals at com.example.Foo"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).isEqualTo("urn:vortex:error:InternalServerError");
        assertThat(problem.detail()).contains("req-123").doesNotContain("secret internals");
    }
}
