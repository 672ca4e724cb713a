package org.jope.core.writes;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.errors.MethodNotAllowed;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.store.Transaction;

/** The requests that change the site, by method: PUT replaces or creates, POST adds a child, DELETE removes. */
public final class Writes {

    private final CreateChild createChild;

    public Writes(ObjectMapper mapper) {
        this.createChild = new CreateChild(mapper);
    }

    public Rendered handle(Transaction transaction, PublishRequest request) {
        return switch (request.method()) {
            case "PUT" -> PutContent.handle(transaction, request);
            case "POST" -> createChild.handle(transaction, request);
            case "DELETE" -> DeleteObject.handle(transaction, request);
            default -> throw new MethodNotAllowed(request.method(), "GET, HEAD, PUT, POST, DELETE");
        };
    }

}
