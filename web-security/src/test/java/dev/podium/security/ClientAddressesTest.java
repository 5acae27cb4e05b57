package dev.podium.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() throws Exception {
        ClientAddresses addresses = addresses();

        assertThat(addresses.resolve(ip("203.0.113.7"), List.of("198.51.100.1")).getHostAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() throws Exception {
        ClientAddresses addresses = addresses("10.0.0.0/8", "192.168.1.5");

        // The client claims 1.2.3.4 itself; the ingress appended the address it really saw.
        assertThat(addresses.resolve(ip("10.1.2.3"), List.of("1.2.3.4, 203.0.113.9")).getHostAddress()).isEqualTo("203.0.113.9");
        // Two proxies of ours in a row.
        assertThat(addresses.resolve(ip("10.1.2.3"), List.of("203.0.113.9", "192.168.1.5")).getHostAddress()).isEqualTo("203.0.113.9");
        // Only our own proxies: the farthest one.
        assertThat(addresses.resolve(ip("10.1.2.3"), List.of("10.9.9.9")).getHostAddress()).isEqualTo("10.9.9.9");
        // No header: the proxy itself.
        assertThat(addresses.resolve(ip("10.1.2.3"), List.of()).getHostAddress()).isEqualTo("10.1.2.3");
    }

    @Test
    void aHopThatIsNotAnAddressStopsTheWalkAndIsNeverLookedUp() throws Exception {
        ClientAddresses addresses = addresses("10.0.0.0/8");

        assertThat(addresses.resolve(ip("10.1.2.3"), List.of("evil.example.org, 10.4.4.4")).getHostAddress()).isEqualTo("10.4.4.4");
        assertThat(AddressRange.literal("localhost")).isEmpty();
        assertThat(AddressRange.literal("[2001:db8::1]")).isPresent();
    }

    @Test
    void rangesMatchOnTheirPrefixOnly() throws Exception {
        AddressRange range = AddressRange.parse("172.16.0.0/12");
        assertThat(range.contains(ip("172.31.255.255"))).isTrue();
        assertThat(range.contains(ip("172.32.0.1"))).isFalse();
        assertThat(range.contains(ip("2001:db8::1"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(ip("fd12::3"))).isTrue();
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ClientAddresses addresses(String... trusted) {
        ClientAddressSettings settings = new ClientAddressSettings();
        settings.setTrustedProxies(List.of(trusted));
        return new ClientAddresses(settings);
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
