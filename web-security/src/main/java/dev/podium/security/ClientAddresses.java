package dev.podium.security;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The address a request comes from, as {@link ClientAddressSettings} says to trust it. */
@Singleton
public class ClientAddresses {

    private final List<AddressRange> trustedProxies;
    private final String header;

    public ClientAddresses(ClientAddressSettings settings) {
        this.trustedProxies = settings.getTrustedProxies().stream().filter(range -> !range.isBlank()).map(AddressRange::parse).toList();
        this.header = settings.getClientAddressHeader();
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote.getAddress() == null) {
            return remote.getHostString();
        }
        return resolve(remote.getAddress(), request.getHeaders().getAll(header)).getHostAddress();
    }

    /** The client behind {@code peer}, given the values of the forwarding header. */
    InetAddress resolve(InetAddress peer, List<String> forwardedValues) {
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedValues) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }
        // Each proxy appends the address it saw: walk back from the nearest hop, past our own proxies.
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRange.literal(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!trusted(client)) {
                break;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
