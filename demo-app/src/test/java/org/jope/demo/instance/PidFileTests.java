package org.jope.demo.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTests {

    @TempDir
    Path temp;

    @Test
    void holdsThePidWhileTheApplicationRuns() throws IOException {
        Path pidFile = temp.resolve("var/jope.pid");

        try (ConfigurableApplicationContext context = application(pidFile).run()) {
            assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }

        assertThat(pidFile).doesNotExist();
        assertThat(temp.resolve("var")).isEmptyDirectory();
    }

    @Test
    void leavesAPidFileThatAnotherProcessWroteMeanwhile() throws IOException {
        Path pidFile = temp.resolve("var/jope.pid");

        try (ConfigurableApplicationContext context = application(pidFile).run()) {
            Files.writeString(pidFile, "1\n");
        }

        assertThat(pidFile).hasContent("1");
    }

    private static SpringApplication application(Path pidFile) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.addListeners(new PidFile(pidFile));
        return application;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {

    }

}
