package org.jope.autoconfigure.logging;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

import org.jope.autoconfigure.ViewRegistration;
import org.jope.core.publisher.ServiceUnavailable;

/**
 * The site that the logging tests start: Jope plus two views that fail on purpose. The profile keeps it out of the
 * other tests' sites, whose component scan reaches this package.
 */
@SpringBootApplication
@Profile(AccessLogSite.PROFILE)
class AccessLogSite {

    static final String PROFILE = "access-log-site";

    /** Runs the site in a JVM of its own, for a test that needs Spring Boot to set up logging afresh. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(AccessLogSite.class).profiles(PROFILE).run(args);
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
            throw new ServiceUnavailable("busy", 1);
        });
    }

}
