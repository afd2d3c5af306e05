package io.vortex.api.auth;

import io.vortex.api.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Refuses bearer tokens that never expire. WildFly's token realm has already checked the
 * signature, issuer and audience, and the expiry when there is one, but it accepts a token
 * without an {@code exp} claim; VORTEX never issues such tokens, and accepts none.
 */
@Provider
public class TokenExpiryFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        if (!hasExpiry(authorization.substring(7).strip())) {
            request.abortWith(Problem.of(Response.Status.UNAUTHORIZED, "The bearer token has no expiry (exp claim)")
                    .toResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"VORTEX\"").build());
        }
    }

    private static boolean hasExpiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return false;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            JsonObject claims = Json.createReader(new StringReader(payload)).readObject();
            return claims.containsKey("exp") && claims.get("exp").getValueType() == JsonValue.ValueType.NUMBER;
        } catch (IllegalArgumentException | JsonException e) {
            return false;
        }
    }
}
