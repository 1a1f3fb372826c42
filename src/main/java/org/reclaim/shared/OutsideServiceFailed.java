package org.reclaim.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A service outside Reclaim (GOV.UK Pay, GOV.UK Notify) could not do what was asked: it answered with an error
 * (HTTP 502, bad gateway) or did not answer in time, or is not set up (HTTP 503, service unavailable). The message says
 * what happened and what was not done, in words an officer can act on; it never carries a key or personal data.
 */
public final class OutsideServiceFailed extends RuntimeException {

    private final HttpStatus status;

    private OutsideServiceFailed(HttpStatus status, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The service answered, but with an error or with something Reclaim cannot read. */
    public static OutsideServiceFailed badAnswer(String message, Throwable cause) {
        return new OutsideServiceFailed(HttpStatus.BAD_GATEWAY, message, cause);
    }

    /** The service did not answer (timed out, refused the connection, asked to slow down) or is not set up. */
    public static OutsideServiceFailed unavailable(String message, Throwable cause) {
        return new OutsideServiceFailed(HttpStatus.SERVICE_UNAVAILABLE, message, cause);
    }

    public static OutsideServiceFailed unavailable(String message) {
        return new OutsideServiceFailed(HttpStatus.SERVICE_UNAVAILABLE, message, null);
    }

    public HttpStatus status() {
        return status;
    }
}
