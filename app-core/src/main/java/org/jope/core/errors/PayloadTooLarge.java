package org.jope.core.errors;

/** The request body is larger than jope.server.max-request-body-size, or than the heap can hold. */
public class PayloadTooLarge extends HttpError {

    /** @param message what the limit is and which setting or heap sets it */
    public PayloadTooLarge(String message) {
        super(413, message);
    }

}
