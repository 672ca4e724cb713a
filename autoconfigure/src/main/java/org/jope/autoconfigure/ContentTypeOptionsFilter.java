package org.jope.autoconfigure;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer of the application, not only the publisher's: the
 * application's controllers, Boot's error pages and Actuator's endpoints too, so that no browser ever takes a
 * response for another type than the one it is sent as. Set before the chain runs, so that it is there however the
 * answer is written.
 */
class ContentTypeOptionsFilter implements Filter {

    static final String HEADER = "X-Content-Type-Options";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).setHeader(HEADER, "nosniff");
        chain.doFilter(request, response);
    }

}
