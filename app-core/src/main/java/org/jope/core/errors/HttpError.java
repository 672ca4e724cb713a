package org.jope.core.errors;

/**
 * An exception that stands for an HTTP answer, like Zope's zExceptions: traversal and views raise it, and an
 * exception view turns it into a response. Its message is written for the client and is shown to it.
 */
public abstract class HttpError extends RuntimeException {

    private final int status;

    protected HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

}
