package org.jope.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import org.jope.core.publisher.Publisher;

/**
 * Hands every request that no controller maps to the publisher. It is ordered after the annotated-controller mapping,
 * so a user's {@code @RestController} wins where it maps a path, and the publisher serves the rest of the site.
 */
public class PublisherHandlerMapping extends AbstractHandlerMapping {

    /** Before Boot's static-resource mapping, which would otherwise claim every path. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    /** The pattern that requests metrics name the publisher's requests by: it serves every path. */
    static final String PATH_PATTERN = "/**";

    private final HttpRequestHandler handler;

    public PublisherHandlerMapping(Publisher publisher) {
        this.handler = publisher::publish;
        setOrder(ORDER);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        // Without a pattern, Boot's http.server.requests files every published page under uri=UNKNOWN.
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent((context) -> context.setPathPattern(PATH_PATTERN));
        return handler;
    }

}
