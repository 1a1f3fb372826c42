package org.reclaim.shared;

/** A request that is valid on its own but clashes with what is already recorded (HTTP 409). */
public final class Conflict extends RuntimeException {

    private Conflict(String message) {
        super(message);
    }

    public static Conflict because(String message) {
        return new Conflict(message);
    }
}
