package org.jope.core.errors;

/** The request itself is wrong: a bad name, a malformed body or path. */
public class BadRequest extends HttpError {

    public BadRequest(String message) {
        super(400, message);
    }

}
