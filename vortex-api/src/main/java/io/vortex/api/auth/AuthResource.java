package io.vortex.api.auth;

import io.vortex.security.LoginAttempt.Channel;
import io.vortex.security.LoginGuard;
import io.vortex.security.TokenService;
import io.vortex.security.TokenService.IssuedToken;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Bearer tokens: a user trades username and password for a signed token, which every other
 * endpoint accepts as {@code Authorization: Bearer <token>}; the public key is published as JWKS.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    private LoginGuard guard;

    @Inject
    private TokenService tokens;

    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an access token", description = "An RS256 JWT with iss, aud, exp, upn and groups. "
            + "Repeated failures lock the user out from the caller's address for a while (429 with Retry-After).")
    public TokenResponse token(@NotNull(message = "a JSON body with username and password is required") TokenRequest body,
                               @Context HttpServletRequest request) {
        return guard.signIn(body.username(), body.password(), request.getRemoteAddr(), Channel.TOKEN)
                .map(user -> tokens.issue(user, Instant.now()))
                .map(TokenResponse::of)
                .orElseThrow(() -> new NotAuthorizedException("Wrong username or password", "Bearer realm=\"VORTEX\""));
    }

    @GET
    @Path("/jwks")
    @PermitAll
    @Operation(summary = "The public key that verifies access tokens, as a JSON Web Key Set")
    public JsonObject jwks() {
        return tokens.jwks();
    }

    public record TokenRequest(String username, String password) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {

        static TokenResponse of(IssuedToken token) {
            return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn());
        }
    }
}
