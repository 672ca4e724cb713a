package org.jope.core.errors;

/** The object has no handler for this HTTP method. */
public class MethodNotAllowed extends HttpError {

    private final String allow;

    /** @param allow the methods that are allowed here, for the Allow header */
    public MethodNotAllowed(String message, String allow) {
        super(405, message);
        this.allow = allow;
    }

    public String allow() {
        return allow;
    }

}
