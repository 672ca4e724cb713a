package org.jope.autoconfigure.logging;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import org.jope.core.log.AccessEvent;
import org.jope.core.log.AccessLog;
import org.jope.core.log.AccessLogFormatter;
import org.jope.core.log.TrustedProxies;

import static org.assertj.core.api.Assertions.assertThat;

class JopeLoggingAutoConfigurationTests {

    /** No files unless a test asks for them: these contexts run in the module directory. */
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JopeLoggingAutoConfiguration.class))
            .withPropertyValues("jope.log.access.file=", "jope.log.event.file=");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER_NAME);

    private Level rootLevel;

    private Level accessLevel;

    private boolean accessAdditive;

    @BeforeEach
    void rememberLevels() {
        rootLevel = root.getLevel();
        accessLevel = access.getLevel();
        accessAdditive = access.isAdditive();
    }

    @AfterEach
    void restoreLevels() {
        root.setLevel(rootLevel);
        access.setLevel(accessLevel);
        access.setAdditive(accessAdditive);
    }

    @Test
    void accessLogIsOnByDefaultOnEveryContainer() {
        runner.run((context) -> {
            assertThat(context).hasSingleBean(AccessLog.class);
            assertThat(context).hasSingleBean(TomcatAccessLogCustomizer.class);
            assertThat(context).hasSingleBean(JettyAccessLogCustomizer.class);
            assertThat(context).hasSingleBean(UndertowAccessLogCustomizer.class);
            assertThat(context).hasSingleBean(ServingAnnouncement.class);
        });
    }

    @Test
    void accessLogCanBeSwitchedOff() {
        runner.withPropertyValues("jope.log.access.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean(AccessLog.class);
            assertThat(context).doesNotHaveBean(TomcatAccessLogCustomizer.class);
            assertThat(context).doesNotHaveBean(JettyAccessLogCustomizer.class);
            assertThat(context).doesNotHaveBean(UndertowAccessLogCustomizer.class);
            assertThat(context).hasSingleBean(ServingAnnouncement.class);
        });
    }

    @Test
    void nothingOfItOutsideAWebApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JopeLoggingAutoConfiguration.class))
                .withPropertyValues("jope.log.access.file=", "jope.log.event.file=")
                .run((context) -> {
                    assertThat(context).doesNotHaveBean(AccessLog.class);
                    assertThat(context).doesNotHaveBean(ServingAnnouncement.class);
                });
    }

    @Test
    void usersOwnAccessLogWins() {
        runner.withUserConfiguration(OwnAccessLog.class).run((context) -> {
            assertThat(context).getBean(AccessLog.class).isSameAs(context.getBean(OwnAccessLog.class).accessLog);
            assertThat(context).hasSingleBean(TomcatAccessLogCustomizer.class);
        });
    }

    @Test
    void unknownFormatTokenFailsTheStartupAndNamesIt() {
        runner.withPropertyValues("jope.log.access.format=%h %Z").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'%Z'").hasMessageContaining("%D");
        });
    }

    @Test
    void trustedProxyThatIsNoAddressFailsTheStartupAndNamesIt() {
        runner.withPropertyValues("jope.trusted-proxies=10.0.0.0/8,proxy.example.org").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'proxy.example.org'");
        });
    }

    @Test
    void everyPropertyBinds() {
        runner.withPropertyValues("jope.log.access.enabled=true", "jope.log.access.format=json",
                "jope.log.access.console=true", "jope.log.access.max-history=30", "jope.log.access.max-file-size=5MB",
                "jope.log.access.total-size-cap=2GB", "jope.log.access.flush-interval=250ms",
                "jope.log.event.level=warn", "jope.log.event.max-history=7", "jope.log.event.max-file-size=1MB",
                "jope.log.event.total-size-cap=20MB").run((context) -> {
                    JopeLogProperties properties = context.getBean(JopeLogProperties.class);
                    assertThat(properties.getAccess().getFormat()).isEqualTo("json");
                    assertThat(properties.getAccess().isConsole()).isTrue();
                    assertThat(properties.getAccess().getMaxHistory()).isEqualTo(30);
                    assertThat(properties.getAccess().getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(5));
                    assertThat(properties.getAccess().getTotalSizeCap()).isEqualTo(DataSize.ofGigabytes(2));
                    assertThat(properties.getAccess().getFlushInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(properties.getEvent().getLevel()).isEqualTo(LogLevel.WARN);
                    assertThat(properties.getEvent().getMaxHistory()).isEqualTo(7);
                    assertThat(properties.getEvent().getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(1));
                    assertThat(properties.getEvent().getTotalSizeCap()).isEqualTo(DataSize.ofMegabytes(20));
                });
    }

    @Test
    void defaultsFollowZope() {
        JopeLogProperties properties = new JopeLogProperties();
        assertThat(properties.getAccess().isEnabled()).isTrue();
        assertThat(properties.getAccess().getFormat()).isEqualTo("combined");
        assertThat(properties.getAccess().getFile()).isEqualTo("var/log/access.log");
        assertThat(properties.getAccess().isConsole()).isFalse();
        assertThat(properties.getEvent().getLevel()).isEqualTo(LogLevel.INFO);
        assertThat(properties.getEvent().getFile()).isEqualTo("var/log/event.log");
        assertThat(properties.getAccess().getFlushInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    /**
     * Other tests' contexts may still be open in this JVM with appenders of their own on these loggers, so the
     * appenders are told apart by instance, not by name.
     */
    @Test
    void appendersAreAddedAndTakenAwayWithTheContext(@TempDir Path directory) {
        Path accessFile = directory.resolve("var/log/access.log");
        Path eventFile = directory.resolve("var/log/event.log");
        List<Appender<ILoggingEvent>> added = new ArrayList<>();
        runner.withPropertyValues("jope.log.access.file=" + accessFile, "jope.log.access.console=true",
                "jope.log.event.file=" + eventFile, "jope.log.event.level=debug").run((context) -> {
                    added.add(access.getAppender(JopeLogbackAppenders.ACCESS_FILE));
                    added.add(access.getAppender(JopeLogbackAppenders.ACCESS_CONSOLE));
                    added.add(root.getAppender(JopeLogbackAppenders.EVENT_FILE));
                    assertThat(added).doesNotContainNull();
                    assertThat(added.get(0)).isInstanceOf(AccessLogFile.class);
                    assertThat(access.getLevel()).isEqualTo(Level.INFO);
                    assertThat(access.isAdditive()).isFalse();
                    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
                    context.getBean(AccessLog.class).log(new AccessEvent("192.0.2.7", null, 0, "GET", "/", "HTTP/1.1",
                            200, 1, null, null, 1, null));
                });
        // Closing the context detached and stopped them, which wrote out the buffer and closed the files.
        assertThat(added).noneMatch((appender) -> access.isAttached(appender) || root.isAttached(appender))
                .noneMatch(Appender::isStarted);
        assertThat(accessFile).content().startsWith("192.0.2.7 - - [")
                .endsWith("\"GET / HTTP/1.1\" 200 1 \"-\" \"-\"\n");
        assertThat(Files.exists(eventFile)).isTrue();
    }

    @Test
    void nothingIsAddedBesideTheUsersOwnLogbackFile(@TempDir Path directory) {
        access.setLevel(Level.WARN);
        List<Appender<ILoggingEvent>> before = appenders(access);
        runner.withPropertyValues("logging.config=classpath:my-logback.xml",
                "jope.log.access.file=" + directory.resolve("access.log")).run((context) -> {
                    assertThat(appenders(access)).isEqualTo(before);
                    assertThat(access.getLevel()).isEqualTo(Level.WARN);
                });
        runner.withClassLoader(new OwnLogbackFileClassLoader())
                .withPropertyValues("jope.log.access.file=" + directory.resolve("access.log")).run((context) -> {
                    assertThat(appenders(access)).isEqualTo(before);
                    assertThat(access.getLevel()).isEqualTo(Level.WARN);
                });
        assertThat(directory.resolve("access.log")).doesNotExist();
    }

    /** Spring Boot has applied logging.level.* before Jope runs; these levels stand as Boot set them. */
    @Test
    void explicitLevelsWinOverJopes() {
        root.setLevel(Level.WARN);
        access.setLevel(Level.ERROR);
        runner.withPropertyValues("logging.level.root=warn", "logging.level.jope.access=error",
                "jope.log.event.level=debug").run((context) -> {
                    assertThat(root.getLevel()).isEqualTo(Level.WARN);
                    assertThat(access.getLevel()).isEqualTo(Level.ERROR);
                });
    }

    /** An application's class path with a logback-spring.xml of its own; only its presence matters here. */
    static class OwnLogbackFileClassLoader extends ClassLoader {

        OwnLogbackFileClassLoader() {
            super(JopeLoggingAutoConfigurationTests.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            return super.getResource(name.equals("logback-spring.xml")
                    ? JopeLoggingAutoConfigurationTests.class.getName().replace('.', '/') + ".class" : name);
        }

    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(appenders::add);
        return appenders;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnAccessLog {

        final AccessLog accessLog = new AccessLog(AccessLogFormatter.of("common", TrustedProxies.NONE));

        @Bean
        AccessLog accessLog() {
            return accessLog;
        }

    }

}
