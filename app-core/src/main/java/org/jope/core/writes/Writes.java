package org.jope.core.writes;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.errors.MethodNotAllowed;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.http.RequestPath;
import org.jope.core.store.Transaction;

/**
 * The requests that change the site, by method: PUT replaces or creates, POST adds a child, DELETE removes. A path
 * that ends in a view ({@code @@name}, or the default view's name) addresses a view, which is read, never written.
 */
public final class Writes {

    private static final String READ_ONLY = "GET, HEAD";

    /** Every method the publisher serves, as an Allow header lists them. */
    public static final String EVERY_METHOD = "GET, HEAD, PUT, POST, DELETE";

    private final CreateChild createChild;

    public Writes(ObjectMapper mapper) {
        this.createChild = new CreateChild(mapper);
    }

    public Rendered handle(Transaction transaction, PublishRequest request) {
        if (request.path().view() != null) {
            throw viewNotWritten(request.method(), request.servletRequest().getRequestURI(), request.path());
        }
        return switch (request.method()) {
            case "PUT" -> PutContent.handle(transaction, request);
            case "POST" -> createChild.handle(transaction, request);
            case "DELETE" -> DeleteObject.handle(transaction, request);
            default -> throw unknownMethod(request.method());
        };
    }

    /**
     * Refuses, before anyone logs in, a method that is neither a read nor one of these writes, TRACE among them:
     * Jope never echoes a request back.
     *
     * @throws MethodNotAllowed with the methods that are allowed at {@code path}
     */
    public static void refuseUnknownMethod(String method, String uri, RequestPath path) {
        if (method.equals("PUT") || method.equals("POST") || method.equals("DELETE")) {
            return;
        }
        throw (path.view() != null) ? viewNotWritten(method, uri, path) : unknownMethod(method);
    }

    private static MethodNotAllowed viewNotWritten(String method, String uri, RequestPath path) {
        return new MethodNotAllowed(method + " " + uri + " addresses a view, which is only read; write to the object "
                + "at " + path.objectPath(), READ_ONLY);
    }

    private static MethodNotAllowed unknownMethod(String method) {
        return new MethodNotAllowed("Method " + method + " is not allowed here", EVERY_METHOD);
    }

}
