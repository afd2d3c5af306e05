package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Database;
import io.vortex.it.support.DagRows;
import io.vortex.it.support.DagRows.DagRow;
import io.vortex.it.support.Jwts;
import io.vortex.it.support.Users;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens: issued for a password, accepted with the same roles as Basic, and every forgery refused. */
class TokenIT {

    private static final String PASSWORD = "Token-Passw0rd-1";
    private static VortexServer server;

    @BeforeAll
    static void seed() {
        server = VortexServers.of(Database.POSTGRESQL);
        Users.insert(server.jdbc(), "token_viewer", PASSWORD, "Viewer", true);
        Users.insert(server.jdbc(), "token_operator", PASSWORD, "Operator", true);
        Users.insert(server.jdbc(), "token_retired", PASSWORD, "Operator", false);
        DagRows.insert(server.jdbc(), new DagRow("token_dag", "ops", null, List.of(), false));
    }

    @Test
    void aPasswordBuysASignedTokenWithMicroProfileJwtClaims() throws IOException {
        JsonNode response = tokenFor(VortexServer.ADMIN, VortexServer.ADMIN_PASSWORD).json();

        assertThat(response.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(response.get("expires_in").asLong()).isEqualTo(3600);
        JsonNode claims = claimsOf(response.get("access_token").asText());
        assertThat(claims.get("iss").asText()).isEqualTo("vortex");
        assertThat(claims.get("aud").asText()).isEqualTo("vortex-api");
        assertThat(claims.get("upn").asText()).isEqualTo("admin");
        assertThat(claims.at("/groups/0").asText()).isEqualTo("Admin");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void aTokenCarriesItsUsersRole() {
        assertThat(bearer(token("token_viewer")).get("dags/token_dag").status()).isEqualTo(200);
        assertThat(bearer(token("token_viewer")).patchJson("dags/token_dag", "{\"is_paused\": false}").status()).isEqualTo(403);
        assertThat(bearer(token("token_operator")).patchJson("dags/token_dag", "{\"is_paused\": false}").status()).isEqualTo(200);
        assertThat(bearer(token(VortexServer.ADMIN)).get("users").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsUnknownAndInactiveUsersGetNoToken() {
        assertUnauthorized(tokenFor("token_viewer", "Wrong-Passw0rd-1"));
        assertUnauthorized(tokenFor("token_nobody", PASSWORD));
        assertUnauthorized(tokenFor("token_retired", PASSWORD));
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() throws Exception {
        PrivateKey serverKey = Jwts.signingKeyOf(server);
        long now = Instant.now().getEpochSecond();

        String tampered = token("token_viewer");
        String[] parts = tampered.split("\\.");
        String adminClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"Viewer\"", "\"Admin\"").getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(bearer(parts[0] + "." + adminClaims + "." + parts[2]).get("users"));

        assertUnauthorized(bearer(Jwts.rs256(claims(now - 7200, now - 3600, "vortex", "vortex-api"), serverKey)).get("dags"));
        assertUnauthorized(bearer(Jwts.rs256(claims(now, null, "vortex", "vortex-api"), serverKey)).get("dags"));
        assertUnauthorized(bearer(Jwts.rs256(claims(now, now + 600, "someone-else", "vortex-api"), serverKey)).get("dags"));
        assertUnauthorized(bearer(Jwts.rs256(claims(now, now + 600, "vortex", "another-api"), serverKey)).get("dags"));
        assertUnauthorized(bearer(Jwts.unsigned(claims(now, now + 600, "vortex", "vortex-api"))).get("dags"));
        assertUnauthorized(bearer(Jwts.hs256(claims(now, now + 600, "vortex", "vortex-api"), publicKey().getEncoded())).get("dags"));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey otherKey = generator.generateKeyPair().getPrivate();
        assertUnauthorized(bearer(Jwts.rs256(claims(now, now + 600, "vortex", "vortex-api"), otherKey)).get("dags"));

        assertThat(bearer(Jwts.rs256(claims(now, now + 600, "vortex", "vortex-api"), serverKey)).get("dags").status())
                .as("the same claims, correctly signed, pass").isEqualTo(200);
    }

    @Test
    void theJwksPublishesTheKeyThatVerifiesIssuedTokens() throws Exception {
        String token = token("token_viewer");
        String[] parts = token.split("\\.");

        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    private static PublicKey publicKey() throws Exception {
        JsonNode key = server.anonymousApi().get("auth/jwks").json().at("/keys/0");
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText()));
        BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    private static Map<String, Object> claims(long issuedAt, Long expiry, String issuer, String audience) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("upn", "token_operator");
        claims.put("groups", List.of("Operator"));
        claims.put("iat", issuedAt);
        if (expiry != null) {
            claims.put("exp", expiry);
        }
        return claims;
    }

    private static ApiClient.Response tokenFor(String username, String password) {
        return server.anonymousApi().send("POST", "auth/token", "application/json",
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }

    private static String token(String username) {
        String password = username.equals(VortexServer.ADMIN) ? VortexServer.ADMIN_PASSWORD : PASSWORD;
        return tokenFor(username, password).json().get("access_token").asText();
    }

    private static ApiClient bearer(String token) {
        return server.anonymousApi().withBearer(token);
    }

    private static JsonNode claimsOf(String token) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static void assertUnauthorized(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
