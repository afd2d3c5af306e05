package io.vortex.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds JWTs the way an attacker or a misconfigured identity provider would, to test the token checks. */
public final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    /** The server's own signing key, from the key store the start script generated in its home. */
    public static PrivateKey signingKeyOf(VortexServer server) {
        Path keys = server.home().resolve("keys");
        try (InputStream in = Files.newInputStream(keys.resolve("jwt.p12"))) {
            char[] password = Files.readString(keys.resolve("jwt.password")).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return (PrivateKey) store.getKey("vortex-jwt", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RS256 token with these claims, signed by {@code key}. */
    public static String rs256(Map<String, Object> claims, PrivateKey key) {
        return rs256(Map.of("alg", "RS256", "typ", "JWT"), claims, key);
    }

    /** An RS256 token whose header names the signing key, as identity providers issue them. */
    public static String rs256(Map<String, Object> claims, PrivateKey key, String keyId) {
        return rs256(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId), claims, key);
    }

    private static String rs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String input = part(header) + "." + part(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}). */
    public static String unsigned(Map<String, Object> claims) {
        return part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + ".";
    }

    /** An HS256 token whose HMAC key is {@code secret}: the algorithm-confusion attack when the secret is a public key. */
    public static String hs256(Map<String, Object> claims, byte[] secret) {
        String input = part(Map.of("alg", "HS256", "typ", "JWT")) + "." + part(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + BASE64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
