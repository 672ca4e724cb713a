package org.jope.core;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.config.JopeConfig;
import org.jope.core.publisher.Publisher;
import org.jope.core.security.Authenticator;
import org.jope.core.security.InitUserFile;
import org.jope.core.store.ObjectStore;

/**
 * Builds the application from a config in one call, as Zope's {@code make_wsgi_app({}, 'zope.conf')} does. What it
 * returns mounts on any servlet container through {@link JopeApplication#servlet()}.
 */
public final class Jope {

    private Jope() {
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
            InitUserFile users = InitUserFile.read(config.initUser());
            Publisher publisher = new Publisher(config, store, new Authenticator(users), new ObjectMapper());
            return new JopeApplication(config, store, users, publisher);
        }
        catch (RuntimeException ex) {
            store.close();
            throw ex;
        }
    }

}
