package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Jwts;
import io.vortex.it.support.StartScript;
import io.vortex.it.support.VortexServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens of a corporate identity provider are accepted, with the roles in their groups claim,
 * once its issuer and keys are configured (VORTEX_TRUSTED_*); VORTEX's own tokens keep working.
 */
class TrustedIssuerIT {

    private static final String ISSUER = "https://sso.example.com/realms/corp";
    private static final String KEY_ID = "corp-2026-1";
    private static KeyPair idpKeys;
    private static VortexServer server;
    private static StartScript.Result misconfigured;

    @BeforeAll
    static void startWithATrustedIssuer() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        idpKeys = generator.generateKeyPair();
        server = VortexServer.onH2("trusted-issuer");
        Path keys = Files.createDirectories(server.home().resolve("idp-keys"));

        misconfigured = server.setting("VORTEX_TRUSTED_ISSUER", ISSUER).setting("VORTEX_TRUSTED_KEYS", keys.toString()).tryStart();

        Files.writeString(keys.resolve(KEY_ID + ".pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(idpKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        server.setting("VORTEX_TRUSTED_AUDIENCE", "vortex-sso").start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void aKeyFolderWithoutKeysStopsTheStartWithAClearMessage() {
        assertThat(misconfigured.exitCode()).isNotZero();
        assertThat(misconfigured.output()).contains("holds no <kid>.pem public keys of " + ISSUER);
    }

    @Test
    void theProvidersTokensSignInWithTheRoleInTheirGroupsClaim() {
        ApiClient operator = bearer(Jwts.rs256(claims("alice.corp", "Operator", ISSUER, "vortex-sso"), idpKeys.getPrivate(), KEY_ID));

        assertThat(operator.get("dags").status()).isEqualTo(200);
        assertThat(operator.patchJson("dags/no_such_dag", "{\"is_paused\": true}").status())
                .as("an Operator may pause: the DAG is missing, not the permission").isEqualTo(404);
        assertThat(operator.get("users").status()).isEqualTo(403);

        ApiClient viewer = bearer(Jwts.rs256(claims("bob.corp", "Viewer", ISSUER, "vortex-sso"), idpKeys.getPrivate(), KEY_ID));
        assertThat(viewer.patchJson("dags/no_such_dag", "{\"is_paused\": true}").status()).isEqualTo(403);
    }

    @Test
    void tokensWithAnUnknownKeyIdOrIssuerOrAudienceAreRefused() {
        assertThat(bearer(Jwts.rs256(claims("alice.corp", "Admin", ISSUER, "vortex-sso"), idpKeys.getPrivate(), "corp-other"))
                .get("dags").status()).isEqualTo(401);
        assertThat(bearer(Jwts.rs256(claims("alice.corp", "Admin", "https://evil.example.com", "vortex-sso"), idpKeys.getPrivate(), KEY_ID))
                .get("dags").status()).isEqualTo(401);
        assertThat(bearer(Jwts.rs256(claims("alice.corp", "Admin", ISSUER, "some-other-app"), idpKeys.getPrivate(), KEY_ID))
                .get("dags").status()).isEqualTo(401);
    }

    @Test
    void vortexsOwnTokensStillWork() {
        String token = server.anonymousApi().send("POST", "auth/token", "application/json",
                        "{\"username\": \"" + VortexServer.ADMIN + "\", \"password\": \"" + VortexServer.ADMIN_PASSWORD + "\"}")
                .json().get("access_token").asText();
        assertThat(bearer(token).get("users").status()).isEqualTo(200);
    }

    private static ApiClient bearer(String token) {
        return server.anonymousApi().withBearer(token);
    }

    private static Map<String, Object> claims(String user, String role, String issuer, String audience) {
        long now = Instant.now().getEpochSecond();
        return Map.of("iss", issuer, "aud", audience, "upn", user, "groups", List.of(role), "iat", now, "exp", now + 600);
    }
}
