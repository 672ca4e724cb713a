package org.jope.core.store;

/** The database failed in a way that retrying the request will not cure. */
public class StoreFailure extends RuntimeException {

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }

}
