package org.jope.core.log;

import java.util.Arrays;

/** One entry of {@code jope.trusted-proxies}: a single IP address, or a CIDR block such as 10.0.0.0/8. */
final class AddressRange {

    private final byte[] network;

    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    static AddressRange parse(String text) {
        String entry = text.strip();
        int slash = entry.indexOf('/');
        String address = slash >= 0 ? entry.substring(0, slash) : entry;
        byte[] network = IpLiteral.parse(address);
        if (network == null || address.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or a CIDR block");
        }
        int bits = network.length * 8;
        int prefixLength = bits;
        if (slash >= 0) {
            try {
                prefixLength = Integer.parseInt(entry.substring(slash + 1));
            }
            catch (NumberFormatException ex) {
                prefixLength = -1;
            }
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
            }
        }
        return new AddressRange(network, prefixLength);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[whole] & mask) == (network[whole] & mask);
    }

}
