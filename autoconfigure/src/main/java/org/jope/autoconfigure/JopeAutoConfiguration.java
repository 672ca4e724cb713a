package org.jope.autoconfigure;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletPath;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

import org.jope.autoconfigure.mount.PublishingFilter;
import org.jope.core.Jope;
import org.jope.core.JopeApplication;
import org.jope.core.config.JopeSettings;
import org.jope.core.servlet.UnhandledErrorFilter;

/**
 * Builds the Jope core from the {@code jope.*} properties, adds the views and exception views that beans register,
 * and publishes the site beside the application's own controllers: every path that no Spring MVC handler maps.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnClass(JopeApplication.class)
@EnableConfigurationProperties(JopeProperties.class)
public class JopeAutoConfiguration {

    /**
     * The core's config is read through {@link JopeSettings}, the one reader of its keys, as
     * {@code Jope.create(Path)} reads a file. Boot's Binder resolves relaxed names, environment variables and
     * placeholders for it. JopeProperties is bound first all the same, so that a value of the wrong type fails with
     * Boot's own binding report.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    JopeApplication jopeApplication(JopeProperties properties, Environment environment,
            ObjectProvider<ViewRegistration> views, ObjectProvider<ExceptionViewRegistration<?>> exceptionViews) {
        Binder binder = Binder.get(environment);
        JopeApplication application = Jope.create(
                JopeSettings.read((key) -> binder.bind(key, String.class).orElse(null)));
        views.orderedStream().forEach((registration) ->
                application.publisher().views().register(registration.name(), registration.view()));
        exceptionViews.orderedStream().forEach((registration) ->
                registration.registerIn(application.publisher().exceptionViews()));
        return application;
    }

    @Bean
    JopeScheduler jopeScheduler() {
        return new JopeScheduler();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    static class PublisherMountConfiguration {

        @Bean
        PublishingFilter jopePublishingFilter(ListableBeanFactory beans,
                ObjectProvider<DispatcherServletPath> dispatcherServletPath) {
            DispatcherServletPath path = dispatcherServletPath.getIfAvailable();
            String name = path instanceof ServletRegistrationBean<?> registration ? registration.getServletName()
                    : DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME;
            return new PublishingFilter(beans, path != null ? path.getPrefix() : "", name);
        }

        /** Last, so that every filter of the application's and Boot's sees the published requests first. */
        @Bean
        FilterRegistrationBean<PublishingFilter> jopePublishingFilterRegistration(PublishingFilter filter) {
            FilterRegistrationBean<PublishingFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            return registration;
        }

        /**
         * Outermost, so that an exception debug-exceptions lets out of the publisher is answered the same way on
         * every container, and never reaches the container's or Spring's own error pages.
         */
        @Bean
        FilterRegistrationBean<UnhandledErrorFilter> jopeUnhandledErrorFilter(JopeProperties properties) {
            FilterRegistrationBean<UnhandledErrorFilter> registration = new FilterRegistrationBean<>(
                    new UnhandledErrorFilter(properties.getServer().isExposeTracebacks()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        /** On every dispatch, so that an error page that a forward or the container writes says nosniff too. */
        @Bean
        FilterRegistrationBean<ContentTypeOptionsFilter> jopeContentTypeOptionsFilter() {
            FilterRegistrationBean<ContentTypeOptionsFilter> registration = new FilterRegistrationBean<>(
                    new ContentTypeOptionsFilter());
            registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }

    }

}
