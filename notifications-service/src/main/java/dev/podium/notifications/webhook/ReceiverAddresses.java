package dev.podium.notifications.webhook;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks off the internal network (SSRF): a receiver must be https (outside development) and
 * every address its name resolves to must be public: not loopback, link-local (which holds the cloud
 * metadata service, 169.254.169.254), private, unique-local, shared (100.64.0.0/10), multicast or
 * unspecified. Checked at registration and again before every delivery, after resolving, and the
 * sender connects to the address checked here, so a name that resolves elsewhere a second later (DNS
 * rebinding) cannot redirect it. Networks in {@code podium.webhooks.allowed-networks} are accepted
 * anyway (the local stack, tests).
 */
@Singleton
class ReceiverAddresses {

    private static final List<Cidr> NOT_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("192.0.0.0/24"), Cidr.parse("198.18.0.0/15"),
            Cidr.parse("240.0.0.0/4"), Cidr.parse("168.63.129.16/32"), Cidr.parse("fc00::/7"), Cidr.parse("64:ff9b::/96"),
            Cidr.parse("2001:db8::/32"));

    private final List<Cidr> allowed;
    private final boolean development;

    ReceiverAddresses(WebhookSettings settings, @Value("${podium.development:false}") boolean development) {
        this.allowed = settings.getAllowedNetworks().stream().map(Cidr::parse).toList();
        this.development = development;
    }

    /** The URL as written: absolute, http(s) (https only outside development), a host, no user info. */
    URI parse(String url) throws ReceiverRefused {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ReceiverRefused("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(development && scheme.equals("http"))) {
            throw new ReceiverRefused(development ? "the URL must be http or https" : "the URL must be https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ReceiverRefused("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ReceiverRefused("the URL must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new ReceiverRefused("the URL must not have a fragment");
        }
        return uri;
    }

    /**
     * The address to connect to: the first the host resolves to, once every one of them was found public
     * (or allowed).
     *
     * @throws UnknownHostException the name does not resolve (now)
     */
    InetAddress resolve(URI uri) throws ReceiverRefused, UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(network -> network.contains(address))) {
                throw new ReceiverRefused(uri.getHost() + " resolves to " + address.getHostAddress()
                        + ", which is not a public address");
            }
        }
        return addresses[0];
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet6Address v6 && v6.getAddress()[0] == (byte) 0xfe && (v6.getAddress()[1] & 0xc0) == 0xc0) {
            return false; // fec0::/10, the deprecated site-local range
        }
        if (address instanceof Inet4Address && address.getAddress()[0] == (byte) 255) {
            return false;
        }
        return NOT_PUBLIC.stream().noneMatch(network -> network.contains(address));
    }

    /** A network in CIDR notation. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("Not a network (CIDR): " + cidr);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not a network (CIDR): " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[whole] & mask) == (network[whole] & mask);
        }
    }
}
