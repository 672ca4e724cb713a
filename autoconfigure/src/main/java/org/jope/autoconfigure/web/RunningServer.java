package org.jope.autoconfigure.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import org.jope.autoconfigure.ServerType;

/**
 * The one view of the running container that every part of Jope reads: its type, its request workers and their
 * number, and the address it serves on. The facts are read from the server itself, once, when it has started, so
 * that what Boot's own properties or other customizers did counts too. It then publishes a
 * {@link ServerStartedEvent}; the start-up checks, the start-up line and the samplers listen for that. A
 * management server on a port of its own runs no publisher requests and is not this.
 */
public class RunningServer implements ApplicationListener<ServletWebServerInitializedEvent>,
        ApplicationEventPublisherAware, Ordered {

    private final ServerProperties serverProperties;

    private ApplicationEventPublisher events;

    private volatile Facts facts;

    public RunningServer(ServerProperties serverProperties) {
        this.serverProperties = serverProperties;
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null || facts != null) {
            return;
        }
        ServerType type = ServerType.of(event.getWebServer());
        int port = event.getWebServer().getPort();
        facts = new Facts(type, WorkerPool.of(type, event.getWebServer()), port, url(port));
        events.publishEvent(new ServerStartedEvent(this));
    }

    /** Before the other listeners of the server's start, so that they can read this. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public boolean isStarted() {
        return facts != null;
    }

    public ServerType type() {
        return facts().type();
    }

    public WorkerPool workers() {
        return facts().workers();
    }

    /** The request workers, empty before the server has started. */
    public Optional<WorkerPool> workersIfStarted() {
        Facts current = facts;
        return current != null ? Optional.of(current.workers()) : Optional.empty();
    }

    /** How many requests the container runs at once. */
    public int threads() {
        return workers().maxThreads();
    }

    /** Where the site is served, such as {@code http://127.0.0.1:8080}; 0.0.0.0 when it listens everywhere. */
    public String url() {
        return facts().url();
    }

    public int port() {
        return facts().port();
    }

    /** The address the server was told to listen on, or null for every interface. */
    public InetAddress address() {
        return serverProperties.getAddress();
    }

    private Facts facts() {
        Facts current = facts;
        if (current == null) {
            throw new IllegalStateException("The web server has not started yet");
        }
        return current;
    }

    private String url(int port) {
        boolean ssl = serverProperties.getSsl() != null && serverProperties.getSsl().isEnabled();
        InetAddress address = serverProperties.getAddress();
        String host = address == null ? "0.0.0.0"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return (ssl ? "https" : "http") + "://" + host + ":" + port;
    }

    private record Facts(ServerType type, WorkerPool workers, int port, String url) {
    }

}
