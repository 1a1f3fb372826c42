package org.reclaim.shared;

/** Something asked for by its identifier does not exist (HTTP 404). */
public final class NotFound extends RuntimeException {

    private NotFound(String message) {
        super(message);
    }

    public static NotFound of(String what, Object id) {
        return new NotFound("There is no " + what + " " + id + ".");
    }
}
