package org.jope.core.log;

import java.util.List;

/**
 * Decides which address the access log names as the client. The socket peer, unless the peer is a trusted proxy:
 * then X-Forwarded-For is read from the right, each hop a trusted proxy appended, and the first address that is not
 * a trusted proxy is the client. Everything to its left was written by the client itself and proves nothing. When a
 * hop is not an IP address the walk stops there and the nearest trusted hop stands as the client. Like waitress's
 * trusted_proxy, with no proxies configured the header is never read.
 */
public final class TrustedProxies {

    /** Trusts no one: the client is always the socket peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<AddressRange> ranges;

    private TrustedProxies(List<AddressRange> ranges) {
        this.ranges = ranges;
    }

    /**
     * The proxies named by IP addresses and CIDR blocks.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(AddressRange::parse).toList());
    }

    /** The client's address for a request from {@code peer} that carried {@code forwardedFor} (may be null). */
    public String clientAddress(String peer, String forwardedFor) {
        if (ranges.isEmpty() || forwardedFor == null || !isTrusted(IpLiteral.parse(peer))) {
            return peer;
        }
        String client = peer;
        int end = forwardedFor.length();
        while (end >= 0) {
            int start = forwardedFor.lastIndexOf(',', end - 1);
            String hop = withoutPort(forwardedFor.substring(start + 1, end).strip());
            byte[] address = IpLiteral.parse(hop);
            if (address == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(address)) {
                return client;
            }
            end = start;
        }
        return client;
    }

    private boolean isTrusted(byte[] address) {
        if (address == null) {
            return false;
        }
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Proxies may write "[2001:db8::1]:4711" or "192.0.2.7:4711"; the port is not part of the client. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

}
