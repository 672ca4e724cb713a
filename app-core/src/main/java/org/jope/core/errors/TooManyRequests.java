package org.jope.core.errors;

/** The client sent too many of something, failed logins for one; its Retry-After header says when to try again. */
public class TooManyRequests extends HttpError {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super(429, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

}
