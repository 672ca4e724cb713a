package org.jope.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A raw servlet at {@code /hello} that answers "hello" without the publisher or the store: the ceiling that the
 * load test measures "/" against, on the same container, threads and filters.
 */
@Configuration(proxyBeanMethods = false)
class HelloServletConfiguration {

    @Bean
    ServletRegistrationBean<HelloServlet> helloServlet() {
        return new ServletRegistrationBean<>(new HelloServlet(), "/hello");
    }

    static final class HelloServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.US_ASCII);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.setContentLength(HELLO.length);
            response.getOutputStream().write(HELLO);
        }

    }

}
