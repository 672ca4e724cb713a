package org.jope.autoconfigure.observability;

/**
 * One second of the site's activity, for the status page's chart.
 *
 * @param epochMillis when the sample was taken
 * @param requestsPerSecond requests the publisher completed since the previous sample, per second
 * @param activeConnections store connections lent out at that moment; null without a HikariCP pool
 */
public record ActivitySample(long epochMillis, double requestsPerSecond, Integer activeConnections) {
}
