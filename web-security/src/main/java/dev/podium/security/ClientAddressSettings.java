package dev.podium.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a request's client address comes from ({@code podium.http.*}): the peer address, unless the
 * peer is one of {@code trusted-proxies} (addresses or CIDR ranges of the ingress or load balancer);
 * then the nearest untrusted address in {@code client-address-header} (default X-Forwarded-For).
 * With no trusted proxies (the default), forwarded headers are ignored, so a client cannot choose
 * its own address.
 */
@ConfigurationProperties("podium.http")
public class ClientAddressSettings {

    private List<String> trustedProxies = new ArrayList<>();
    private String clientAddressHeader = "X-Forwarded-For";

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? new ArrayList<>() : trustedProxies;
    }

    public String getClientAddressHeader() {
        return clientAddressHeader;
    }

    public void setClientAddressHeader(String clientAddressHeader) {
        this.clientAddressHeader = clientAddressHeader;
    }
}
