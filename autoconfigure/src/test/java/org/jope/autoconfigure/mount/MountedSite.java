package org.jope.autoconfigure.mount;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * What the mount tests add to the test site: a DispatcherServlet that counts the requests it serves, controllers
 * with patterns, a servlet of the application's own at its own paths, and a filter of the application's own that
 * refuses one path and notes every path it sees.
 */
@Configuration(proxyBeanMethods = false)
class MountedSite {

    static final AtomicInteger dispatched = new AtomicInteger();

    static final List<String> filtered = new CopyOnWriteArrayList<>();

    /** Boot's own DispatcherServlet steps aside for a bean of this name. */
    @Bean(name = "dispatcherServlet")
    DispatcherServlet dispatcherServlet() {
        return new DispatcherServlet() {

            private static final long serialVersionUID = 1L;

            @Override
            protected void doService(HttpServletRequest request, HttpServletResponse response) throws Exception {
                dispatched.incrementAndGet();
                super.doService(request, response);
            }

        };
    }

    /** A servlet registered beside the DispatcherServlet, by an exact path and by a path prefix. */
    @Bean
    ServletRegistrationBean<HttpServlet> ownServlet() {
        return new ServletRegistrationBean<>(new HttpServlet() {

            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().print("from the application's servlet");
            }

        }, "/hello", "/legacy/*");
    }

    /** A guard, as Spring Security's filter chain would be: it runs before the publisher on every request. */
    @Bean
    FilterRegistrationBean<Filter> refusingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            String path = ((HttpServletRequest) request).getRequestURI();
            filtered.add(path);
            if (path.startsWith("/guarded")) {
                ((HttpServletResponse) response).sendError(403, "refused by the application's filter");
                return;
            }
            chain.doFilter(request, response);
        });
        registration.setOrder(0);
        return registration;
    }

    @RestController
    static class ItemController {

        @GetMapping("/api/items/{id}")
        String item(@PathVariable String id) {
            return "item " + id;
        }

        @GetMapping("/reports/**")
        String report() {
            return "a report";
        }

    }

    static void reset() {
        dispatched.set(0);
        filtered.clear();
    }

}
