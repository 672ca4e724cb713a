package org.jope.autoconfigure.web;

import org.springframework.context.ApplicationEvent;

/** Published once the site's web server has started, with the facts of {@link RunningServer} in place. */
public class ServerStartedEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    public ServerStartedEvent(RunningServer server) {
        super(server);
    }

    public RunningServer server() {
        return (RunningServer) getSource();
    }

}
