package org.jope.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.jope.autoconfigure.ViewRegistration;

/**
 * {@code /@@raise} fails on purpose, so that a person can watch each debugging mode at work: the standard error page,
 * debug-exceptions ({@code -e}), and debug-exceptions with expose-tracebacks.
 */
@Configuration(proxyBeanMethods = false)
class RaiseViewConfiguration {

    @Bean
    ViewRegistration raiseView() {
        return new ViewRegistration("raise", (traversed, request) -> {
            throw new IllegalStateException("raised on purpose");
        });
    }

}
