package org.jope.core.errors;

/** The site cannot serve the request now; the client may try again shortly, as its Retry-After header says. */
public class ServiceUnavailable extends HttpError {

    public ServiceUnavailable(String message) {
        super(503, message);
    }

}
