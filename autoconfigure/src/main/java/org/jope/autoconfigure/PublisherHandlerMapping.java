package org.jope.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import org.jope.core.publisher.Publisher;

/**
 * Hands every request that no controller maps to the publisher. It is ordered after the annotated-controller mapping,
 * so a user's {@code @RestController} wins where it maps a path, and the publisher serves the rest of the site.
 */
public class PublisherHandlerMapping extends AbstractHandlerMapping {

    /** Before Boot's static-resource mapping, which would otherwise claim every path. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    private final HttpRequestHandler handler;

    public PublisherHandlerMapping(Publisher publisher) {
        this.handler = publisher::publish;
        setOrder(ORDER);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        return handler;
    }

}
