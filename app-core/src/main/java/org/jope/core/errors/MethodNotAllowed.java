package org.jope.core.errors;

/** The object has no handler for this HTTP method. */
public class MethodNotAllowed extends HttpError {

    private final String allow;

    public MethodNotAllowed(String method, String allow) {
        super(405, "Method " + method + " is not allowed here");
        this.allow = allow;
    }

    public String allow() {
        return allow;
    }

}
