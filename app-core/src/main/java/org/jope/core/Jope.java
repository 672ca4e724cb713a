package org.jope.core;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.config.InvalidConfigValueException;
import org.jope.core.config.JopeConfig;
import org.jope.core.config.JopeSettings;
import org.jope.core.config.YamlConfigFile;
import org.jope.core.publisher.Publisher;
import org.jope.core.security.Authenticator;
import org.jope.core.security.ManagerFile;
import org.jope.core.store.ObjectStore;

/**
 * Builds the application from a config in one call, as Zope's {@code make_wsgi_app({}, 'zope.conf')} does. What it
 * returns mounts on any servlet container through {@link JopeApplication#servlet()}.
 */
public final class Jope {

    private Jope() {
    }

    /**
     * Builds the application from a YAML config file, such as an instance's {@code config/application.yml}: the same
     * {@code jope.*} keys, spellings and defaults as the Spring Boot starter reads (see {@link JopeSettings}); other
     * keys, such as {@code server.port}, are left to whoever serves the application. Relative paths in the file
     * ({@code ./var/data/jope}, {@code ./inituser}) resolve against the working directory of the process, not the
     * file's directory, as they do for a site that Spring Boot starts in its instance directory.
     *
     * @throws ConfigException if the file cannot be read, or a value does not fit its key; the message names the
     * file, the key, the value and what the key takes
     */
    public static JopeApplication create(Path configFile) {
        YamlConfigFile file = YamlConfigFile.load(configFile);
        JopeConfig config;
        try {
            config = JopeSettings.read(file);
        }
        catch (InvalidConfigValueException ex) {
            throw ex.in(file.origin());
        }
        return create(config);
    }

    public static JopeApplication create(JopeConfig config) {
        return assemble(config, ObjectStore.open(config));
    }

    /** With a data source that the caller owns; its connections must not auto-commit. */
    public static JopeApplication create(JopeConfig config, DataSource dataSource) {
        return assemble(config, ObjectStore.open(config, dataSource));
    }

    private static JopeApplication assemble(JopeConfig config, ObjectStore store) {
        try {
            Authenticator authenticator = new Authenticator(new ManagerFile(config.initUser()),
                    config.loginThrottleWindow(), config.loginFailuresPerAddress(), config.loginFailuresPerUser());
            Publisher publisher = new Publisher(config, store, authenticator, new ObjectMapper());
            return new JopeApplication(config, store, authenticator, publisher);
        }
        catch (RuntimeException ex) {
            store.close();
            throw ex;
        }
    }

}
