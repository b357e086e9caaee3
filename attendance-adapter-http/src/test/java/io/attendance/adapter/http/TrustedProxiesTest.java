package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private static final TrustedProxies OUR_PROXIES = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertThat(TrustedProxies.NONE.clientOf("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.parse("").clientOf("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("10.1.2.3");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeaderSays() {
        assertThat(OUR_PROXIES.clientOf("198.51.100.9", List.of("10.0.0.1, 198.51.100.1"))).isEqualTo("198.51.100.9");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostAddressNoneOfThemIs() {
        assertThat(OUR_PROXIES.clientOf("10.0.0.5", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(OUR_PROXIES.clientOf("10.0.0.5", List.of("203.0.113.66, 198.51.100.1, 192.168.1.7")))
                .as("an address the client wrote itself stays left of the one the first proxy saw").isEqualTo("198.51.100.1");
        assertThat(OUR_PROXIES.clientOf("fd00::1", List.of("2001:db8::9", "fd12::3"))).as("headers read in order")
                .isEqualTo("2001:db8::9");
    }

    @Test
    void whenEveryAddressIsATrustedProxyTheLeftMostIsTheClient() {
        assertThat(OUR_PROXIES.clientOf("10.0.0.5", List.of("10.9.9.9, 192.168.1.7"))).isEqualTo("10.9.9.9");
        assertThat(OUR_PROXIES.clientOf("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheHopThatSentIt() {
        assertThat(OUR_PROXIES.clientOf("10.0.0.5", List.of("198.51.100.1, evil.example, 10.0.0.6")))
                .isEqualTo("10.0.0.6");
        assertThat(OUR_PROXIES.clientOf("10.0.0.5", List.of("unknown"))).isEqualTo("10.0.0.5");
        assertThat(OUR_PROXIES.clientOf("10.0.0.5", List.of("198.51.100.1:4711"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aBlockHoldsExactlyTheAddressesOfItsPrefix() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12,2001:db8:abcd::/48");

        assertThat(proxies.clientOf("172.31.255.255", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientOf("172.32.0.0", List.of("198.51.100.1"))).isEqualTo("172.32.0.0");
        assertThat(proxies.clientOf("172.15.255.255", List.of("198.51.100.1"))).isEqualTo("172.15.255.255");
        assertThat(proxies.clientOf("2001:db8:abcd:ffff::1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientOf("[2001:db8:abcd::2]", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientOf("2001:db8:abce::1", List.of("198.51.100.1"))).isEqualTo("2001:db8:abce::1");
        assertThat(TrustedProxies.parse("0.0.0.0/0").clientOf("203.0.113.1", List.of("198.51.100.1")))
                .isEqualTo("198.51.100.1");
        assertThat(TrustedProxies.parse("::/0").clientOf("203.0.113.1", List.of("198.51.100.1")))
                .as("an IPv6 block holds no IPv4 address").isEqualTo("203.0.113.1");
    }

    @Test
    void onlyCidrBlocksOfAddressLiteralsAreAcceptedAndNoNameIsResolved() {
        for (String bad : List.of("localhost", "proxy.example.com", "10.0.0.0/33", "10.0.0", "10.0.0.0/", "10.0.0.0/-1",
                "fd00::/129", "10.0.0.0/8,,192.168.0.1", "300.1.1.1", "::g")) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a CIDR block");
        }
    }
}
