package org.jope.core.publisher;

/** The store could not serve the request in time; the client may try again after {@link #retryAfterSeconds()}. */
public class ServiceUnavailable extends HttpError {

    private final int retryAfterSeconds;

    public ServiceUnavailable(String message, int retryAfterSeconds) {
        super(503, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

}
