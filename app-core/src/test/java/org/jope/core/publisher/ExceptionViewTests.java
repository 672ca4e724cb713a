package org.jope.core.publisher;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.jope.core.errors.Forbidden;
import org.jope.core.errors.NotFound;
import org.jope.core.errors.Redirect;
import org.jope.core.exceptionviews.ErrorLog;
import org.jope.core.http.Rendered;
import org.jope.core.testing.Site;
import org.jope.core.views.Views;

import static org.assertj.core.api.Assertions.assertThat;

class ExceptionViewTests {

    @TempDir
    Path directory;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final Logger publisherLogger = (Logger) LoggerFactory.getLogger(ErrorLog.class);

    private Site site;

    @BeforeEach
    void start() throws Exception {
        log.start();
        publisherLogger.addAppender(log);
        site = Site.start(directory);
        Views views = site.application().publisher().views();
        views.register("forbid", (traversed, request) -> {
            throw new Forbidden("Only the owner may see this.");
        });
        views.register("move", (traversed, request) -> {
            throw new Redirect(302, "/welcome");
        });
        views.register("fail", (traversed, request) -> {
            throw new IllegalStateException("secret internal detail");
        });
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
        publisherLogger.detachAppender(log);
    }

    @Test
    void notFoundIs404() {
        HttpResponse<String> response = site.anonymous().get("/missing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("404 Not Found").contains("/missing");
        assertThat(errors()).isEmpty();
    }

    @Test
    void unauthorizedIs401WithAChallenge() {
        HttpResponse<String> response = site.anonymous().put("/x", "text/plain", "x");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Jope\"");
        assertThat(errors()).isEmpty();
    }

    @Test
    void forbiddenIs403() {
        HttpResponse<String> response = site.anonymous().get("/@@forbid");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Only the owner may see this.");
    }

    @Test
    void redirectIs30xWithLocation() {
        HttpResponse<String> response = site.anonymous().get("/@@move");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/welcome");
    }

    @Test
    void anythingElseIsTheStandardErrorPageWithTheLoggedErrorId() {
        HttpResponse<String> response = site.anonymous().get("/welcome/@@fail");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("500 Internal Server Error").doesNotContain("secret internal detail")
                .doesNotContain("IllegalStateException");
        List<ILoggingEvent> errors = errors();
        assertThat(errors).hasSize(1);
        String errorId = (String) errors.get(0).getArgumentArray()[0];
        assertThat(response.body()).contains("<code>" + errorId + "</code>");
        assertThat(errors.get(0).getFormattedMessage()).contains("GET /welcome/@@fail");
        assertThat(errors.get(0).getThrowableProxy().getMessage()).isEqualTo("secret internal detail");
    }

    @Test
    void usersOwnExceptionViewWins() {
        site.application().publisher().exceptionViews().register(NotFound.class,
                (error, report) -> Rendered.text(404, "Nothing here, sorry.\n"));
        HttpResponse<String> response = site.anonymous().get("/missing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("Nothing here, sorry.\n");
    }

    private List<ILoggingEvent> errors() {
        return log.list.stream().filter((event) -> event.getLevel() == Level.ERROR).toList();
    }

}
