package io.vortex.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the API's bearer tokens: RS256-signed JWTs with MicroProfile JWT's claims ({@code upn}
 * the username, {@code groups} the role) plus {@code iss}, {@code aud}, {@code iat}, {@code exp}
 * and {@code jti}. The key pair lives in the key store the start script generates under
 * VORTEX_HOME; WildFly's token realm checks these tokens with its certificate, and
 * {@link #jwks()} publishes the public key for other verifiers.
 */
@ApplicationScoped
public class TokenService {

    public static final String ISSUER = "vortex";
    public static final String AUDIENCE = "vortex-api";
    static final String KEY_ALIAS = "vortex-jwt";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "vortex.jwt.keystore")
    private String keyStorePath;

    @Inject
    @ConfigProperty(name = "vortex.jwt.keystore-password")
    private String keyStorePassword;

    @Inject
    @ConfigProperty(name = "vortex.jwt.lifetime-sec", defaultValue = "3600")
    private long lifetimeSeconds;

    private PrivateKey signingKey;
    private RSAPublicKey publicKey;

    @PostConstruct
    void loadKeys() {
        try (InputStream in = Files.newInputStream(Path.of(keyStorePath))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keyStorePassword.toCharArray());
            signingKey = (PrivateKey) store.getKey(KEY_ALIAS, keyStorePassword.toCharArray());
            publicKey = (RSAPublicKey) store.getCertificate(KEY_ALIAS).getPublicKey();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the token signing key '" + KEY_ALIAS + "' from " + keyStorePath
                    + " (VORTEX_JWT_KEYSTORE): " + e.getMessage(), e);
        }
    }

    /** A signed token for {@code user}, valid for the configured lifetime from {@code now}. */
    public IssuedToken issue(User user, Instant now) {
        JsonObject header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
        JsonObject claims = Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("aud", AUDIENCE)
                .add("sub", user.getUsername())
                .add("upn", user.getUsername())
                .add("groups", Json.createArrayBuilder().add(user.getRole().name()))
                .add("iat", now.getEpochSecond())
                .add("exp", now.getEpochSecond() + lifetimeSeconds)
                .add("jti", UUID.randomUUID().toString())
                .build();
        String signingInput = encode(header.toString()) + "." + encode(claims.toString());
        return new IssuedToken(signingInput + "." + BASE64URL.encodeToString(sign(signingInput)), lifetimeSeconds);
    }

    /** The public key as a JSON Web Key Set. */
    public JsonObject jwks() {
        return Json.createObjectBuilder()
                .add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kty", "RSA")
                        .add("use", "sig")
                        .add("alg", "RS256")
                        .add("kid", keyId())
                        .add("n", unsigned(publicKey.getModulus()))
                        .add("e", unsigned(publicKey.getPublicExponent()))))
                .build();
    }

    private byte[] sign(String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing a token failed", e);
        }
    }

    /** A stable id for the key: the SHA-256 of its encoding, as JWK thumbprints are used. */
    private String keyId() {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }

    /** A token and how many seconds it stays valid. */
    public record IssuedToken(String accessToken, long expiresIn) {
    }
}
