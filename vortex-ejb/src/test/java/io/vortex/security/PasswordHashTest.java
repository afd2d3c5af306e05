package io.vortex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void derivationIsStandardPbkdf2HmacSha256() {
        // the published PBKDF2-HMAC-SHA256 test vector: P="password", S="salt", c=2, dkLen=32
        byte[] key = PasswordHash.derive("password", "salt".getBytes(StandardCharsets.US_ASCII), 2);

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43");
    }

    @Test
    void aHashMatchesOnlyItsPassword() {
        PasswordHash hash = PasswordHash.of("correct-Horse-battery", 1000);

        assertThat(hash.matches("correct-Horse-battery")).isTrue();
        assertThat(hash.matches("correct-horse-battery")).isFalse();
        assertThat(hash.iterations()).isEqualTo(1000);
    }

    @Test
    void everyHashHasItsOwnSalt() {
        PasswordHash first = PasswordHash.of("correct-Horse-battery", 1000);
        PasswordHash second = PasswordHash.of("correct-Horse-battery", 1000);

        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void toStringNeverShowsTheHash() {
        PasswordHash hash = PasswordHash.of("correct-Horse-battery", 1000);

        assertThat(hash.toString()).doesNotContain(hash.hash()).doesNotContain(hash.salt());
    }
}
