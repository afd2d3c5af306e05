package io.vortex.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules every password must meet: at least 12 characters, not the username, and at least
 * three of the four kinds of character (lower case, upper case, digit, symbol).
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** The rules {@code password} breaks, each as a sentence; empty when it meets them all. */
    public static List<String> violations(String username, String password) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.length() < MINIMUM_LENGTH) {
            violations.add("it must be at least " + MINIMUM_LENGTH + " characters long");
            if (password == null) {
                return violations;
            }
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            violations.add("it must not be the username");
        }
        if (kindsOfCharacter(password) < 3) {
            violations.add("it must contain at least three of: a lower-case letter, an upper-case letter, a digit, a symbol");
        }
        return violations;
    }

    /** Fails with every broken rule in one message, naming what the password was for. */
    public static void check(String username, String password, String purpose) {
        List<String> violations = violations(username, password);
        if (!violations.isEmpty()) {
            throw new WeakPasswordException(purpose + " does not meet the password rules: " + String.join("; ", violations) + ".");
        }
    }

    private static int kindsOfCharacter(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
