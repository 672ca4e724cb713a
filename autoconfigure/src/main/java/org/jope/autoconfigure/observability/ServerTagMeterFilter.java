package org.jope.autoconfigure.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Tags the meters of the request path with the container that serves it ({@code server=tomcat}, {@code jetty} or
 * {@code undertow}), so that runs on the three containers compare on one dashboard: Jope's own meters, HikariCP's
 * pool meters and Boot's {@code http.server.requests}. Other meters keep their tags; a meter that already has a
 * {@code server} tag keeps it.
 */
class ServerTagMeterFilter implements MeterFilter {

    static final String TAG = "server";

    private final Tag server;

    ServerTagMeterFilter(String serverType) {
        this.server = Tag.of(TAG, serverType);
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getTag(TAG) == null && isOnRequestPath(id.getName())) {
            return id.withTag(server);
        }
        return id;
    }

    private static boolean isOnRequestPath(String name) {
        return name.startsWith("jope.") || name.startsWith("hikaricp.") || name.equals("http.server.requests")
                || name.startsWith("http.server.requests.");
    }

}
