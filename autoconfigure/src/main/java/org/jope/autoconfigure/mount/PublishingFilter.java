package org.jope.autoconfigure.mount;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

import org.jope.core.JopeApplication;
import org.jope.core.http.Rendered;
import org.jope.core.publisher.Publisher;

/**
 * Publishes every request that no Spring MVC handler maps, without entering the DispatcherServlet: the application's
 * controllers, Actuator and Boot's prefixed static resources keep their paths, and the publisher answers the rest
 * of the URL space. A request that the container maps to another servlet of the application's (registered at its
 * own path) goes to that servlet. Mounted as the last filter, so that every filter the application or Boot registers,
 * Spring Security's chain included, sees the published requests first.
 *
 * <p>Which paths are mapped is read from the handler mappings once every bean exists, which is before the server
 * takes its first request. The filter sees error dispatches too, for the one case described at
 * {@link #sendThePublishersAnswer}.
 */
public class PublishingFilter implements Filter, SmartInitializingSingleton {

    /** The pattern that requests metrics name the publisher's requests by: it serves every path. */
    static final String PATH_PATTERN = "/**";

    private final ListableBeanFactory beans;

    private final String dispatcherPrefix;

    private final String dispatcherName;

    private volatile Publisher publisher;

    private volatile ControllerPaths controllerPaths;

    /**
     * @param dispatcherPrefix the DispatcherServlet's path ({@code spring.mvc.servlet.path}), "" at the root
     * @param dispatcherName the DispatcherServlet's name in the container
     */
    public PublishingFilter(ListableBeanFactory beans, String dispatcherPrefix, String dispatcherName) {
        this.beans = beans;
        this.dispatcherPrefix = dispatcherPrefix;
        this.dispatcherName = dispatcherName;
    }

    /**
     * The container creates its filters before the application's other beans; the application and the mappings are
     * looked up once they all exist, so that mounting the filter changes nothing in the order beans are made.
     */
    @Override
    public void afterSingletonsInstantiated() {
        publisher = beans.getBean(JopeApplication.class).publisher();
        controllerPaths = new ControllerPaths(beans.getBeansOfType(HandlerMapping.class), dispatcherPrefix);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            sendThePublishersAnswer(request, response, chain);
            return;
        }
        if (!(request instanceof HttpServletRequest http) || isForAnotherServlet(http)
                || controllerPaths.isMapped(http)) {
            chain.doFilter(request, response);
            return;
        }
        // Without a pattern, Boot's http.server.requests would file every published page under uri=UNKNOWN.
        if (http.getAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE)
                instanceof ServerRequestObservationContext observation) {
            observation.setPathPattern(PATH_PATTERN);
        }
        publisher.publish(http, (HttpServletResponse) response);
    }

    /**
     * The container's error page for a request that the publisher had answered already: Tomcat takes the answer over
     * when a body cannot be read, and would have Boot's error controller answer JSON; the publisher's own answer is
     * sent instead. Its status is the publisher's, or a 500 for a body read asynchronously, which Tomcat reports so.
     * Any other error page is the application's, or Boot's.
     */
    private static void sendThePublishersAnswer(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(Publisher.ERROR_ANSWER_ATTRIBUTE) instanceof Rendered answer
                && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
                && (status == answer.status()
                        || request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof IOException)) {
            try {
                answer.writeTo((HttpServletResponse) response,
                        !"HEAD".equals(((HttpServletRequest) request).getMethod()));
                // Now: after a body read asynchronously failed, Tomcat closes the connection without flushing.
                response.flushBuffer();
            }
            catch (IOException gone) {
                // The client hung up, which is what failed the read: nobody is left to tell.
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** Mapped by its own path to a servlet that is not the DispatcherServlet: the default mapping is the site's. */
    private boolean isForAnotherServlet(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping != null && mapping.getMappingMatch() != MappingMatch.DEFAULT
                && !dispatcherName.equals(mapping.getServletName());
    }

}
