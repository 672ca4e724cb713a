package org.jope.core.errors;

/** An If-Match named a version that is no longer current; the newer version is kept. */
public class PreconditionFailed extends HttpError {

    public PreconditionFailed(String message) {
        super(412, message);
    }

}
