package org.jope.demo.instance;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.system.ApplicationHome;

/**
 * bin/jopectl, the control script of an instance (plone.recipe.zope2instance's bin/instance): the template in this
 * package with the path of the jar that ran init written in.
 */
public final class ControlScript {

    private static final String TEMPLATE = "jopectl";

    private static final String JAR_PLACEHOLDER = "@JOPE_JAR@";

    private ControlScript() {
    }

    /**
     * The jar that holds {@code mainClass}, or empty when it runs from classes (spring-boot:run, an IDE): the script
     * then needs JOPE_JAR. Spring Boot's {@link ApplicationHome} reads the code source, nested jar URLs included.
     */
    public static Optional<Path> jarOf(Class<?> mainClass) {
        File source = new ApplicationHome(mainClass).getSource();
        if (source != null && source.isFile() && source.getName().endsWith(".jar")) {
            return Optional.of(source.toPath().toAbsolutePath());
        }
        return Optional.empty();
    }

    static String render(Optional<Path> jar) throws IOException {
        try (InputStream in = ControlScript.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("The control script template " + TEMPLATE + " is missing from the jar");
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace(JAR_PLACEHOLDER, shellQuoted(jar.map(Path::toString).orElse("")));
        }
    }

    /** Single quotes keep every character literal in a POSIX shell; a quote itself is closed, escaped and reopened. */
    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

}
