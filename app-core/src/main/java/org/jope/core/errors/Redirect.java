package org.jope.core.errors;

/** Sends the client elsewhere. */
public class Redirect extends HttpError {

    private final String location;

    public Redirect(int status, String location) {
        super(status, "Moved to " + location);
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("A redirect needs a 3xx status, not " + status);
        }
        this.location = location;
    }

    public String location() {
        return location;
    }

}
