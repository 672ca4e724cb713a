package org.jope.core.store;

/**
 * Another transaction changed an object that this one read and then wrote. The publisher aborts and retries the
 * whole request, as Zope's publisher does for ZODB's ConflictError.
 */
public class ConflictError extends RuntimeException {

    public ConflictError(String message) {
        super(message);
    }

    public ConflictError(String message, Throwable cause) {
        super(message, cause);
    }

}
