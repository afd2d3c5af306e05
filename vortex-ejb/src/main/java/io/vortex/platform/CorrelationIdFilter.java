package io.vortex.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request, console or API, a correlation id: the caller's {@code X-Correlation-ID}
 * when it is a sane token, else a new UUID. It is returned in the response header and put in
 * the logging MDC, so every log line written while serving the request carries it (the server's
 * log pattern prints {@code %X{correlationId}}). Each web module of the EAR registers it for
 * {@code /*} in its web.xml (it lives here, beside the other cross-cutting pieces, so both the
 * console and the API share one implementation).
 */
public class CorrelationIdFilter extends HttpFilter {

    public static final String HEADER = "X-Correlation-ID";
    public static final String MDC_KEY = "correlationId";

    /** Ids are echoed into headers and logs: refuse anything that could forge either. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String correlationId = correlationIdOf(request.getHeader(HEADER));
        MDC.put(MDC_KEY, correlationId);
        response.setHeader(HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String correlationIdOf(String header) {
        return header != null && ACCEPTABLE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
