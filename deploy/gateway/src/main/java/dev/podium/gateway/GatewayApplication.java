package dev.podium.gateway;

import io.micronaut.runtime.Micronaut;

/**
 * Podium's one public origin: every request goes to the service that owns its path
 * ({@link RoutingTable#podium()}), so pages link to each other with relative links whatever serves them.
 */
public final class GatewayApplication {

    private GatewayApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
