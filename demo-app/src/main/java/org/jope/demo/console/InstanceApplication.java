package org.jope.demo.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.jope.core.Jope;
import org.jope.core.JopeApplication;
import org.jope.core.config.ConfigException;
import org.jope.core.config.InvalidConfigValueException;
import org.jope.core.config.JopeConfig;
import org.jope.core.config.JopeSettings;
import org.jope.core.config.RelaxedNames;
import org.jope.core.config.YamlConfigFile;
import org.jope.core.security.InitUserFileException;
import org.jope.core.store.StoreDriverMissingException;
import org.jope.core.store.StoreLockedException;
import org.jope.demo.instance.InstanceLayout;

/**
 * Opens an instance's application for the console without its web server, from the settings that its site starts
 * with, as far as the core's keys go: Spring Boot's order of precedence, so that the console opens the store the
 * site opens. {@code -Djope.*} system properties (from JAVA_OPTS) come first, then environment variables
 * ({@code JOPE_STORE_URL}), then the instance's {@code config/application.yml}, then the application.yml packaged
 * in the jar. Other Boot sources (profiles, {@code spring.config.location}, command-line arguments of the site)
 * are not read. The store is opened with the site's own rules: an embedded store that the running site holds is
 * refused by its lock before anything is opened, and a shared store is opened beside the site.
 */
final class InstanceApplication {

    private static final String PACKAGED_CONFIG = "application.yml";

    private InstanceApplication() {
    }

    /**
     * @param environment the process environment, {@code System.getenv()} outside tests
     * @param systemProperties {@code System.getProperties()} outside tests
     * @throws ConsoleRefusedException when the store is held by a running site, or the settings or the managers' file
     * cannot be read
     */
    static JopeApplication open(InstanceLayout instance, Map<String, String> environment,
            Properties systemProperties) throws ConsoleRefusedException {
        if (!Files.isRegularFile(instance.config())) {
            throw new ConsoleRefusedException("There is no " + instance.config().toAbsolutePath() + ": is "
                    + instance.home().toAbsolutePath() + " an instance directory? java -jar jope-demo.jar init DIR "
                    + "makes one.");
        }
        JopeConfig config = config(instance, environment, systemProperties);
        try {
            return Jope.create(config);
        }
        catch (StoreLockedException ex) {
            throw new ConsoleRefusedException("The embedded store is in use by process " + ex.holderPid()
                    + " (lock file " + ex.lockFile() + "), the instance's site most likely. An embedded store "
                    + "serves one process only, and the console would be a second one. Stop the site first "
                    + "(bin/jopectl stop), or move the instance to the shared store (jope.store.url: "
                    + "jdbc:postgresql://HOST/DATABASE), which a console may open beside running sites, as Zope's "
                    + "debug runs beside ZEO clients.");
        }
        catch (InitUserFileException | StoreDriverMissingException ex) {
            throw new ConsoleRefusedException(ex.getMessage());
        }
    }

    private static JopeConfig config(InstanceLayout instance, Map<String, String> environment,
            Properties systemProperties) throws ConsoleRefusedException {
        Map<String, Function<String, String>> sources = new LinkedHashMap<>();
        try {
            sources.put("the system properties", RelaxedNames.lookup(jopeProperties(systemProperties),
                    "The system properties"));
            sources.put("the environment", (key) -> environment.get(RelaxedNames.environmentVariable(key)));
            YamlConfigFile file = YamlConfigFile.load(instance.config());
            sources.put(file.origin(), file);
            packagedConfig().ifPresent((packaged) -> sources.put(packaged.origin(), packaged));
        }
        catch (ConfigException ex) {
            throw new ConsoleRefusedException(ex.getMessage());
        }
        Function<String, String> lookup = (key) -> sources.values().stream().map((source) -> source.apply(key))
                .filter((value) -> value != null).findFirst().orElse(null);
        try {
            return JopeSettings.read(lookup);
        }
        catch (InvalidConfigValueException ex) {
            String origin = sources.entrySet().stream().filter((source) -> source.getValue().apply(ex.key()) != null)
                    .map(Map.Entry::getKey).findFirst().orElse("the settings");
            throw new ConsoleRefusedException(ex.in(origin).getMessage());
        }
    }

    private static Map<String, String> jopeProperties(Properties systemProperties) {
        Map<String, String> jope = new LinkedHashMap<>();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith("jope.")) {
                jope.put(name, systemProperties.getProperty(name));
            }
        }
        return jope;
    }

    /** The jar's own application.yml, which Spring Boot reads last for the site. */
    private static Optional<YamlConfigFile> packagedConfig() {
        URL resource = InstanceApplication.class.getClassLoader().getResource(PACKAGED_CONFIG);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = resource.openStream()) {
            return Optional.of(YamlConfigFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the jar's " + PACKAGED_CONFIG));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + resource, ex);
        }
    }

}
