package org.jope.core.errors;

/** The client stopped sending its request body for longer than jope.server.body-timeout. */
public class RequestTimeout extends HttpError {

    /** What the client is told, by the publisher and by a container that answers the stall itself. */
    public static final String MESSAGE = "The request body stopped arriving before it was complete";

    public RequestTimeout() {
        super(408, MESSAGE);
    }

}
