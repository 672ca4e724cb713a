package org.jope.core.errors;

/** The user is known but lacks the role that the action needs. */
public class Forbidden extends HttpError {

    public Forbidden(String message) {
        super(403, message);
    }

}
