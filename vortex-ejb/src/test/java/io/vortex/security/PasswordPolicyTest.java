package io.vortex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongMixedPasswordPasses() {
        assertThat(PasswordPolicy.violations("alice", "correct-Horse-battery")).isEmpty();
        assertThat(PasswordPolicy.violations("alice", "Tr0ub4dor&3x")).isEmpty();
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThat(PasswordPolicy.violations("alice", "Sh0rt!pass")).containsExactly("it must be at least 12 characters long");
        assertThat(PasswordPolicy.violations("alice", null)).containsExactly("it must be at least 12 characters long");
    }

    @Test
    void theUsernameIsNotAPassword() {
        assertThat(PasswordPolicy.violations("Service-Account1", "service-account1"))
                .contains("it must not be the username");
    }

    @Test
    void twoKindsOfCharacterAreNotEnough() {
        assertThat(PasswordPolicy.violations("alice", "onlylowercaseand123"))
                .containsExactly("it must contain at least three of: a lower-case letter, an upper-case letter, a digit, a symbol");
    }

    @Test
    void checkNamesEveryBrokenRuleAndWhatThePasswordWasFor() {
        assertThatThrownBy(() -> PasswordPolicy.check("bob", "bob", "VORTEX_ADMIN_PASSWORD"))
                .isInstanceOf(WeakPasswordException.class)
                .hasMessage("VORTEX_ADMIN_PASSWORD does not meet the password rules: it must be at least 12 characters long; "
                        + "it must not be the username; it must contain at least three of: a lower-case letter, "
                        + "an upper-case letter, a digit, a symbol.");
    }

    @Test
    void generatedPasswordsMeetTheRules() {
        for (int i = 0; i < 200; i++) {
            String password = SecurityBootstrap.generatePassword();
            assertThat(password).hasSize(20);
            assertThat(PasswordPolicy.violations("admin", password)).as(password).isEmpty();
        }
    }
}
