package org.jope.core.publisher;

/** Traversal found no object, or no view, at the requested path. */
public class NotFound extends HttpError {

    public NotFound(String path) {
        super(404, "Nothing is published at " + path);
    }

}
