package org.jope.autoconfigure.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import org.jope.autoconfigure.web.ServerStartedEvent;

/**
 * The two start-up lines of the event log, as waitress and Zope write them: "Serving on http://127.0.0.1:8080
 * (tomcat, 4 threads)" once the container listens, and "Ready to handle requests" once the application is ready.
 * The address, port, container and threads are the running server's, not the configuration's.
 */
class ServingAnnouncement {

    private static final Logger logger = LoggerFactory.getLogger(ServingAnnouncement.class);

    @EventListener
    void serving(ServerStartedEvent event) {
        logger.info("Serving on {} ({}, {} threads)", event.server().url(), event.server().type().propertyValue(),
                event.server().threads());
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        logger.info("Ready to handle requests");
    }

}
