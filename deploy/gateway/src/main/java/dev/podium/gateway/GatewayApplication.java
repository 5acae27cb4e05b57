package dev.podium.gateway;

import io.micronaut.runtime.Micronaut;
import java.security.Security;

/**
 * Podium's one public origin: every request goes to the service that owns its path
 * ({@link RoutingTable#podium()}), so pages link to each other with relative links whatever serves them.
 */
public final class GatewayApplication {

    private GatewayApplication() {
    }

    public static void main(String[] args) {
        // The services are found by name (compose: events-service; Kubernetes: a Service): a container that
        // is created again gets a new address, which the JVM would otherwise keep using for 30 s.
        Security.setProperty("networkaddress.cache.ttl", "5");
        Security.setProperty("networkaddress.cache.negative.ttl", "1");
        Micronaut.run(GatewayApplication.class, args);
    }
}
