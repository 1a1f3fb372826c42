package org.reclaim.shared;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} request header: a client's name for one request, so that a retry of it (a timeout, a double
 * click) returns the first result and does nothing more. Every endpoint that takes one checks it here.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {
    }

    /** Refuses a key that is blank or longer than the 200 characters the tables keep. */
    public static void check(@Nullable String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw InvalidInput.of(HEADER, "must be 1 to 200 characters");
        }
    }
}
