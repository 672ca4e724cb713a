package org.jope.core.errors;

/** No credentials, or wrong ones, for an action that needs a user; answered with a Basic challenge. */
public class Unauthorized extends HttpError {

    public Unauthorized(String message) {
        super(401, message);
    }

}
