package org.jope.autoconfigure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

import org.jope.autoconfigure.ServerType;

/**
 * Matches when {@code jope.server.type} selects the given container. Unlike {@code @ConditionalOnProperty} it fails
 * the startup, instead of quietly not matching, when the value is unknown or the container is not on the classpath:
 * otherwise Boot would fall back to its own choice of container.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnServerTypeCondition.class)
public @interface ConditionalOnServerType {

    ServerType value();

}
