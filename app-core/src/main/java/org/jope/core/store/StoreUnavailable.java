package org.jope.core.store;

/**
 * No store connection could be had in time: the pool stayed exhausted for the whole pool timeout, or the database
 * is unreachable. The request is answered 503 rather than left waiting.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

}
