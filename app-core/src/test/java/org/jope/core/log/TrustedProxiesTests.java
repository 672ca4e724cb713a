package org.jope.core.log;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.1", "192.168.0.0/16", "2001:db8::/32"));

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        assertThat(TrustedProxies.NONE.clientAddress("10.0.0.1", "198.51.100.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void untrustedPeerIsTheClientWhateverItForwards() {
        assertThat(proxies.clientAddress("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.2", "198.51.100.1")).isEqualTo("10.0.0.2");
    }

    @Test
    void trustedPeerWithoutTheHeaderIsTheClient() {
        assertThat(proxies.clientAddress("10.0.0.1", null)).isEqualTo("10.0.0.1");
    }

    @Test
    void trustedPeerNamesTheClient() {
        assertThat(proxies.clientAddress("10.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void rightmostUntrustedAddressIsTheClient() {
        // The client forged the first entry; the proxies appended the last two.
        assertThat(proxies.clientAddress("10.0.0.1", "1.2.3.4, 198.51.100.1, 192.168.7.7"))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void allTrustedLeavesTheLeftmostHop() {
        assertThat(proxies.clientAddress("10.0.0.1", "192.168.1.1,192.168.1.2")).isEqualTo("192.168.1.1");
    }

    @Test
    void aHopThatIsNoAddressStopsTheWalkAtTheNearestTrustedHop() {
        assertThat(proxies.clientAddress("10.0.0.1", "198.51.100.1, unknown, 192.168.1.2")).isEqualTo("192.168.1.2");
        assertThat(proxies.clientAddress("10.0.0.1", "evil\r\nline")).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", "")).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", "198.51.100.1,,192.168.1.2")).isEqualTo("192.168.1.2");
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertThat(proxies.clientAddress("10.0.0.1", "localhost")).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", "example.org")).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", "abc")).isEqualTo("10.0.0.1");
    }

    @Test
    void portsAndBracketsAreNotPartOfTheClient() {
        assertThat(proxies.clientAddress("10.0.0.1", "198.51.100.1:4711")).isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("10.0.0.1", "[2001:db9::1]:4711")).isEqualTo("2001:db9::1");
    }

    @Test
    void ipv6RangesAndPeers() {
        assertThat(proxies.clientAddress("2001:db8::5", "2001:db9::1")).isEqualTo("2001:db9::1");
        assertThat(proxies.clientAddress("2001:db9::5", "198.51.100.1")).isEqualTo("2001:db9::5");
        TrustedProxies loopback = TrustedProxies.of(List.of("::1"));
        assertThat(loopback.clientAddress("0:0:0:0:0:0:0:1", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(loopback.clientAddress("0:0:0:0:0:0:0:1%lo", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void cidrPrefixesThatDoNotEndOnAByte() {
        TrustedProxies block = TrustedProxies.of(List.of("172.16.0.0/12"));
        assertThat(block.clientAddress("172.31.255.255", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(block.clientAddress("172.32.0.0", "198.51.100.1")).isEqualTo("172.32.0.0");
        assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).clientAddress("8.8.8.8", "198.51.100.1"))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void ambiguousIpv4LiteralsAreNotAddresses() {
        assertThat(proxies.clientAddress("10.0.0.1", "010.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", "1.2.3")).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", "1.2.3.256")).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", "1.2.3.4.5")).isEqualTo("10.0.0.1");
    }

    @Test
    void badEntriesAreRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("proxy.example.org")))
                .withMessageContaining("'proxy.example.org' is not an IP address or a CIDR block");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
                .withMessageContaining("prefix length outside 0..32");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x")));
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("fe80::1%eth0")));
    }

}
