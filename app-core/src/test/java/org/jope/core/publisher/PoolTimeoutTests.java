package org.jope.core.publisher;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.jope.core.store.NewContent;
import org.jope.core.store.Transaction;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** With every store connection taken, a request waits the pool timeout and no longer, then gets a fast 503. */
class PoolTimeoutTests {

    @TempDir
    Path directory;

    @Test
    void exhaustedPoolAnswers503AfterThePoolTimeout() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger publisherLogger = (Logger) LoggerFactory.getLogger(ErrorAnswers.class);
        publisherLogger.addAppender(log);
        try (Site site = Site.start(directory, (config) -> config.poolSize(1).poolTimeout(Duration.ofMillis(500))
                .cacheSize(0))) {
            try (Transaction holder = site.application().store().begin("admin", false)) {
                // A write borrows the pool's only connection and keeps it until this block ends.
                holder.createChild(holder.root(), "held", NewContent.folder("Held"), "/held");
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> response = site.anonymous().get("/welcome");
                    long tookMillis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(response.body()).contains("try again");
                    assertThat(tookMillis).isBetween(450L, 1500L);
                }
            }
            assertThat(site.anonymous().get("/welcome").statusCode()).as("served again once a connection is free")
                    .isEqualTo(200);
            assertThat(site.application().publisher().stats().shed()).isEqualTo(3);
            List<ILoggingEvent> warnings = log.list.stream().filter((event) -> event.getLevel() == Level.WARN).toList();
            assertThat(warnings).as("rate-limited: one warning for three timeouts").hasSize(1);
            assertThat(warnings.get(0).getFormattedMessage()).contains("answered 503");
        }
        finally {
            publisherLogger.detachAppender(log);
        }
    }

}
