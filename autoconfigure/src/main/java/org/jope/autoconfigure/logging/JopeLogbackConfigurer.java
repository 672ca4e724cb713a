package org.jope.autoconfigure.logging;

import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import org.jope.core.log.AccessLog;

/**
 * Adds Jope's log files to Logback when the application context starts refreshing, before the web server is
 * created, so that the event log also holds the container's own start-up lines. Spring Boot has configured Logback
 * by then, and its {@code logging.*} properties keep working beside this.
 *
 * <p>When the application brings a Logback configuration of its own ({@code logging.config}, or a logback.xml or
 * logback-spring.xml on the classpath) Jope adds no appender and sets no level: that file decides everything,
 * {@code jope.access} included. docs/logging.md has the lines to copy into it.
 */
class JopeLogbackConfigurer implements BeanFactoryPostProcessor, DisposableBean {

    /** Where Spring Boot looks for a Logback configuration (LogbackLoggingSystem), in its order. */
    static final List<String> OWN_CONFIGURATIONS = List.of("logback-test.groovy", "logback-test.xml",
            "logback.groovy", "logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml",
            "logback-spring.groovy", "logback-spring.xml");

    private final Environment environment;

    private JopeLogbackAppenders appenders;

    JopeLogbackConfigurer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || hasOwnConfiguration(beanFactory.getBeanClassLoader())) {
            return;
        }
        JopeLogProperties properties = Binder.get(environment).bindOrCreate("jope.log", JopeLogProperties.class);
        appenders = new JopeLogbackAppenders(context);
        if (properties.getAccess().isEnabled()) {
            appenders.addAccessLog(properties.getAccess(),
                    environment.containsProperty("logging.level." + AccessLog.LOGGER_NAME));
        }
        appenders.addEventLog(properties.getEvent(), environment.containsProperty("logging.level.root"));
    }

    private boolean hasOwnConfiguration(ClassLoader classLoader) {
        if (environment.containsProperty("logging.config")) {
            return true;
        }
        ClassLoader loader = classLoader != null ? classLoader : getClass().getClassLoader();
        return OWN_CONFIGURATIONS.stream().anyMatch((name) -> loader.getResource(name) != null);
    }

    @Override
    public void destroy() {
        if (appenders != null) {
            appenders.remove();
        }
    }

}
