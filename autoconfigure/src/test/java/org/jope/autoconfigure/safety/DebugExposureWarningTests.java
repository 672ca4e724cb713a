package org.jope.autoconfigure.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DebugExposureWarningTests {

    @Test
    void debuggingOnEveryInterfaceIsCalledOut(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Sites.start("tomcat", new Class<?>[0],
                "server.address=0.0.0.0", "jope.debug-exceptions=true", "jope.server.expose-tracebacks=true")) {
            assertThat(output).contains("WARN").contains("listens on 0.0.0.0")
                    .contains("sees the stack trace, message and class");
        }
    }

    @Test
    void debuggingOnLoopbackIsQuiet(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Sites.start("tomcat", new Class<?>[0],
                "jope.debug-exceptions=true", "jope.server.expose-tracebacks=true")) {
            assertThat(output).doesNotContain("listens on");
        }
    }

}
