package io.vortex.platform;

/** Argument checks shared by the aggregates, with messages that name the field as the API does. */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value} when it has text; otherwise fails naming {@code field}. */
    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
