package org.jope.autoconfigure.debug;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.jope.autoconfigure.ViewRegistration;

/** {@code @@raise} fails on purpose, as the demo's does. */
@Configuration(proxyBeanMethods = false)
class RaisingView {

    static final String MESSAGE = "raised on purpose";

    @Bean
    ViewRegistration raisingViewRegistration() {
        return new ViewRegistration("raise", (traversed, request) -> {
            throw new IllegalStateException(MESSAGE);
        });
    }

}
