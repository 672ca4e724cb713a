package org.jope.core.log;

/**
 * What the access log records of one request, as a container's own request-log hook saw it. Each container fills
 * one of these and nothing more, so that one formatter writes the same line whichever container served the request.
 * Text fields are as the client sent them, unescaped; a field the container could not tell is null.
 *
 * @param peerAddress the IP address of the socket peer, never taken from a header
 * @param user the authenticated user's name
 * @param startMillis when the request started, in milliseconds since the epoch
 * @param method the request method
 * @param target the request-target as sent: the path, still percent-encoded, and the query
 * @param protocol the protocol, such as HTTP/1.1
 * @param status the response status
 * @param bytes the response body's length in bytes, or -1 when unknown
 * @param referer the Referer header
 * @param userAgent the User-Agent header
 * @param durationMicros how long the request took, in microseconds
 * @param forwardedFor every X-Forwarded-For header, joined with commas
 */
public record AccessEvent(String peerAddress, String user, long startMillis, String method, String target,
        String protocol, int status, long bytes, String referer, String userAgent, long durationMicros,
        String forwardedFor) {

    /** The bytes value of a response whose length the container did not count. */
    public static final long UNKNOWN_BYTES = -1;

}
