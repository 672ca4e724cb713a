package org.jope.core.errors;

/** The request body is larger than jope.server.max-request-body-size. */
public class PayloadTooLarge extends HttpError {

    public PayloadTooLarge(long limit) {
        super(413, "The request body is larger than the limit of " + limit + " bytes");
    }

}
