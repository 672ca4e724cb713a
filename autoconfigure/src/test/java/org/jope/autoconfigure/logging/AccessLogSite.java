package org.jope.autoconfigure.logging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

import org.jope.autoconfigure.ViewRegistration;
import org.jope.core.errors.ServiceUnavailable;

/**
 * The site that the logging tests start: Jope plus two views that fail on purpose. It scans nothing, so that the
 * configurations beside it in this package are only what a test names.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class AccessLogSite {

    /** Runs the site in a JVM of its own, for a test that needs Spring Boot to set up logging afresh. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(AccessLogSite.class).run(args);
    }

    /** {@code /@@boom} throws an unexpected exception: the standard error page, 500. */
    @Bean
    ViewRegistration boomView() {
        return new ViewRegistration("boom", (traversed, request) -> {
            throw new IllegalStateException("boom");
        });
    }

    /** {@code /@@busy} is what a pool timeout answers: 503 with Retry-After. */
    @Bean
    ViewRegistration busyView() {
        return new ViewRegistration("busy", (traversed, request) -> {
            throw new ServiceUnavailable("busy");
        });
    }

}
