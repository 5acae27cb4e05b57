package dev.podium.gateway;

/** The services behind the gateway, each at the base URL its variable names (see {@link Upstreams}). */
public enum Upstream {

    EVENTS("events-service", "GATEWAY_EVENTS_URL", "http://localhost:8081"),
    TALKS("talks-service", "GATEWAY_TALKS_URL", "http://localhost:8082"),
    NOTIFICATIONS("notifications-service", "GATEWAY_NOTIFICATIONS_URL", "http://localhost:8083");

    private final String serviceName;
    private final String variable;
    private final String defaultUrl;

    Upstream(String serviceName, String variable, String defaultUrl) {
        this.serviceName = serviceName;
        this.variable = variable;
        this.defaultUrl = defaultUrl;
    }

    /** The module and service name, e.g. events-service. */
    public String serviceName() {
        return serviceName;
    }

    /** The environment variable that sets its base URL. */
    public String variable() {
        return variable;
    }

    public String defaultUrl() {
        return defaultUrl;
    }
}
