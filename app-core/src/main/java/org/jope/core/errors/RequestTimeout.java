package org.jope.core.errors;

/** The client stopped sending its request body for longer than jope.server.body-timeout. */
public class RequestTimeout extends HttpError {

    public RequestTimeout() {
        super(408, "The request body stopped arriving before it was complete");
    }

}
