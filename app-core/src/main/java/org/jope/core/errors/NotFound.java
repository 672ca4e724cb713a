package org.jope.core.errors;

/** Traversal found no object, or no view, at the requested path. */
public class NotFound extends HttpError {

    public NotFound(String path) {
        super(404, "Nothing is published at " + path);
    }

}
