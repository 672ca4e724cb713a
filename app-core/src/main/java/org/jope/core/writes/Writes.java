package org.jope.core.writes;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.errors.MethodNotAllowed;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.store.Transaction;

/**
 * The requests that change the site, by method: PUT replaces or creates, POST adds a child, DELETE removes. A path
 * that ends in a view ({@code @@name}, or the default view's name) addresses a view, which is read, never written.
 */
public final class Writes {

    private static final String READ_ONLY = "GET, HEAD";

    private final CreateChild createChild;

    public Writes(ObjectMapper mapper) {
        this.createChild = new CreateChild(mapper);
    }

    public Rendered handle(Transaction transaction, PublishRequest request) {
        if (request.path().view() != null) {
            throw new MethodNotAllowed(request.method() + " " + request.servletRequest().getRequestURI()
                    + " addresses a view, which is only read; write to the object at "
                    + request.path().objectPath(), READ_ONLY);
        }
        return switch (request.method()) {
            case "PUT" -> PutContent.handle(transaction, request);
            case "POST" -> createChild.handle(transaction, request);
            case "DELETE" -> DeleteObject.handle(transaction, request);
            default -> throw new MethodNotAllowed("Method " + request.method() + " is not allowed here",
                    "GET, HEAD, PUT, POST, DELETE");
        };
    }

}
