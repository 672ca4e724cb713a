package org.jope.core.log;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads an IP address written as a literal, and nothing else: a host name is refused rather than looked up, since
 * the text often comes from a request header and a DNS query per request would be both slow and an attacker's lever.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * The address's bytes (4 for IPv4, also for an IPv4-mapped IPv6 address; 16 for IPv6), or null when the text is
     * not an IP literal. A zone id ({@code %eth0}) is dropped.
     */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int zone = text.indexOf('%');
        String address = zone >= 0 ? text.substring(0, zone) : text;
        return address.indexOf(':') >= 0 ? parseIpv6(address) : parseIpv4(address);
    }

    /** Four decimal parts, each 0 to 255 and without leading zeros, which some parsers read as octal. */
    private static byte[] parseIpv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part == 4) {
                    return null;
                }
                bytes[part++] = (byte) value;
                value = -1;
            }
            else if (c >= '0' && c <= '9') {
                if (value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            }
            else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }

    /**
     * Left to the JDK, which never resolves text that contains a colon: it either reads an IPv6 literal or fails.
     * The character check keeps anything else out before it gets there.
     */
    private static byte[] parseIpv6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return null;
            }
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            byte[] bytes = address.getAddress();
            return address instanceof Inet4Address || bytes.length == 16 ? bytes : null;
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }

}
