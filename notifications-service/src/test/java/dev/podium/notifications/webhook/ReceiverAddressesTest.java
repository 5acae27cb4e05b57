package dev.podium.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which receiver addresses are public, what the allowlist lets through, and how a Retry-After is read. */
class ReceiverAddressesTest {

    @Test
    void internalAddressesAreNotPublic() throws Exception {
        for (String address : List.of("127.0.0.1", "::1", "10.0.0.7", "172.16.5.4", "192.168.1.1", "169.254.169.254", "fe80::1",
                "fd00:ec2::254", "100.64.0.1", "0.0.0.0", "::", "224.0.0.1", "168.63.129.16", "::ffff:10.0.0.1")) {
            assertThat(ReceiverAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : List.of("93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1")) {
            assertThat(ReceiverAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void theAllowlistLetsItsNetworksThroughAndOnlyThem() throws Exception {
        WebhookSettings settings = new WebhookSettings();
        settings.setAllowedNetworks(List.of("127.0.0.0/8"));
        ReceiverAddresses addresses = new ReceiverAddresses(settings, false);

        assertThat(addresses.resolve(URI.create("https://127.0.0.2/hook"))).isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThatThrownBy(() -> addresses.resolve(URI.create("https://[::1]/hook"))).isInstanceOf(ReceiverRefused.class);
        assertThatThrownBy(() -> addresses.resolve(URI.create("https://10.0.0.1/hook"))).isInstanceOf(ReceiverRefused.class);
    }

    @Test
    void outsideDevelopmentOnlyHttpsIsAccepted() throws Exception {
        ReceiverAddresses production = new ReceiverAddresses(new WebhookSettings(), false);
        assertThatThrownBy(() -> production.parse("http://hooks.example.org/x")).isInstanceOf(ReceiverRefused.class)
                .hasMessageContaining("https");
        assertThat(production.parse("https://hooks.example.org/x")).hasHost("hooks.example.org");
        assertThat(new ReceiverAddresses(new WebhookSettings(), true).parse("http://hooks.example.org/x")).hasScheme("http");
    }

    @Test
    void aRetryAfterIsReadAsSecondsOrAnHttpDateAndCappedAtADay() {
        Instant now = Instant.parse("2031-05-12T08:00:00Z");
        assertThat(RetryAfter.parse("120", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Mon, 12 May 2031 08:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("999999", now)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse(null, now)).isNull();
    }
}
