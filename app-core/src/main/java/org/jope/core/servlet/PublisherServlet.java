package org.jope.core.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jope.core.publisher.Publisher;

/** The publisher as a servlet, to mount on any servlet container. */
public final class PublisherServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Publisher publisher;

    public PublisherServlet(Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        publisher.publish(request, response);
    }

}
