package org.jope.core;

import jakarta.servlet.Servlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.config.JopeConfig;
import org.jope.core.publisher.Publisher;
import org.jope.core.security.Authenticator;
import org.jope.core.security.InitUserFile;
import org.jope.core.servlet.PublisherServlet;
import org.jope.core.store.ObjectStore;

/** A running Jope core: its store and its publisher. Closing it closes the publisher and the store. */
public final class JopeApplication implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(JopeApplication.class);

    private final JopeConfig config;

    private final ObjectStore store;

    private final Authenticator authenticator;

    private final Publisher publisher;

    JopeApplication(JopeConfig config, ObjectStore store, Authenticator authenticator, Publisher publisher) {
        this.config = config;
        this.store = store;
        this.authenticator = authenticator;
        this.publisher = publisher;
        InitUserFile users = authenticator.users();
        if (users.isEmpty()) {
            logger.warn("No managers in {}: the site is read-only until one is added; a manager added while the "
                    + "site runs counts from the next request", users.path().toAbsolutePath());
        }
    }

    public Servlet servlet() {
        return new PublisherServlet(publisher);
    }

    public Publisher publisher() {
        return publisher;
    }

    /** Who sent a request: the managers' logins and what they cost. */
    public Authenticator authenticator() {
        return authenticator;
    }

    public ObjectStore store() {
        return store;
    }

    public JopeConfig config() {
        return config;
    }

    @Override
    public void close() {
        publisher.close();
        store.close();
    }

}
