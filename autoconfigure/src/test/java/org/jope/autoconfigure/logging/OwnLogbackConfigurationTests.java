package org.jope.autoconfigure.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.jope.testsite.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's own Logback configuration wins: Jope adds no appender and sets no level, and the access lines go where
 * the user's file sends the logger jope.access. Spring Boot sets up Logback once per JVM while any context is open,
 * and other tests' contexts stay open in this one, so the site runs in a JVM of its own, as it would in production.
 */
class OwnLogbackConfigurationTests {

    private static final Pattern SERVING = Pattern.compile("Serving on http://127\\.0\\.0\\.1:(\\d+) ");

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void accessLinesGoWhereTheUsersFileSaysAndJopeAddsNothing() throws Exception {
        LogTestDirectory directory = LogTestDirectory.create();
        Path mine = directory.root().resolve("mine.log");
        Path configuration = directory.root().resolve("logback-own.xml");
        Files.writeString(configuration, """
                <configuration>
                    <appender name="MINE" class="ch.qos.logback.core.FileAppender">
                        <file>%s</file>
                        <encoder><pattern>MINE %%logger %%msg%%n</pattern></encoder>
                    </appender>
                    <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%%msg%%n</pattern></encoder>
                    </appender>
                    <logger name="jope.access" level="INFO" additivity="false">
                        <appender-ref ref="MINE"/>
                    </logger>
                    <root level="INFO">
                        <appender-ref ref="OUT"/>
                    </root>
                </configuration>
                """.formatted(mine));
        Path output = directory.root().resolve("site.out");
        Process site = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), AccessLogSite.class.getName(), "--server.port=0",
                "--server.address=127.0.0.1", "--jope.server.type=tomcat", "--spring.main.banner-mode=off",
                "--logging.config=" + configuration.toUri(),
                "--jope.store.url=jdbc:h2:file:" + directory.root().resolve("var/data/jope"),
                "--jope.security.inituser=" + directory.root().resolve("inituser"),
                "--jope.log.access.file=" + directory.accessLog(), "--jope.log.event.file=" + directory.eventLog())
                .directory(directory.root().toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            int port = awaitPort(site, output);
            RawHttp.send(port, AccessLogContract.get("/?own"));
            new FileLines(mine).await((line) -> line.startsWith("MINE jope.access 127.0.0.1 - - [")
                    && line.contains("\"GET /?own HTTP/1.1\" 200 "));
            assertThat(directory.accessLog()).doesNotExist();
            assertThat(directory.eventLog()).doesNotExist();
            assertThat(Files.readString(output)).doesNotContain("GET /?own");
        }
        finally {
            site.destroy();
            if (!site.waitFor(20, TimeUnit.SECONDS)) {
                site.destroyForcibly();
            }
        }
    }

    /** The site's own start-up line, on the console the user's file set up, names the port it listens on. */
    private static int awaitPort(Process site, Path output) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.exists(output) ? Files.readAllLines(output) : List.of();
            for (String line : lines) {
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    return Integer.parseInt(serving.group(1));
                }
            }
            if (!site.isAlive()) {
                throw new AssertionError("The site stopped: " + String.join("\n", lines));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The site did not start within " + DEADLINE + ": " + Files.readString(output));
    }

}
