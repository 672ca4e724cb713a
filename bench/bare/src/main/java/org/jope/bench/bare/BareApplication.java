package org.jope.bench.bare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A servlet at {@code /bare} that answers the same 260 bytes of HTML to every GET: what the container and Spring
 * Boot cost by themselves, the ceiling that Jope's "/" is measured against.
 */
@SpringBootApplication
public class BareApplication {

    static final byte[] BODY = body();

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    @Bean
    ServletRegistrationBean<BareServlet> bareServlet() {
        return new ServletRegistrationBean<>(new BareServlet(), "/bare");
    }

    /** 260 bytes, about the size of Jope's root listing. */
    private static byte[] body() {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Bare</title></head>\n<body>\n"
                + "<h1>Bare</h1>\n<ul>\n<li><a href=\"/welcome\">Welcome</a> <small>page</small></li>\n</ul>\n"
                + "</body></html>\n";
        StringBuilder padded = new StringBuilder(html);
        while (padded.length() < 260) {
            padded.insert(padded.length() - "</body></html>\n".length(), ' ');
        }
        return padded.toString().getBytes(StandardCharsets.UTF_8);
    }

    static final class BareServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }

    }

}
