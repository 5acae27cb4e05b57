package dev.podium.gateway;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where each service answers: {@code gateway.upstreams.events|talks|notifications} in application.yml,
 * set by {@code GATEWAY_EVENTS_URL}, {@code GATEWAY_TALKS_URL} and {@code GATEWAY_NOTIFICATIONS_URL}
 * (defaults: localhost 8081, 8082, 8083). A base URL is {@code http(s)://host[:port][/prefix]}; the
 * request's path and query are appended to it unchanged. A malformed one stops the gateway at start,
 * naming the variable.
 */
@Singleton
public final class Upstreams {

    private final Map<Upstream, String> bases = new EnumMap<>(Upstream.class);

    public Upstreams(Environment environment) {
        for (Upstream upstream : Upstream.values()) {
            String key = "gateway.upstreams." + upstream.name().toLowerCase(Locale.ROOT);
            String value = environment.getProperty(key, String.class).orElse(upstream.defaultUrl()).strip();
            bases.put(upstream, validated(upstream, value));
        }
    }

    /** The service's base URL, without a trailing slash. */
    public String base(Upstream upstream) {
        return bases.get(upstream);
    }

    /** The URL to forward a request to: the base URL followed by the request's raw path and query. */
    public URI target(Upstream upstream, String rawPath, String rawQuery) {
        return URI.create(bases.get(upstream) + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    }

    private static String validated(Upstream upstream, String value) {
        String base = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = new URI(base);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(value, "not http(s)://host[:port][/prefix]");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(upstream.variable() + "=" + value + " is not a base URL of "
                    + upstream.serviceName() + " (http(s)://host[:port][/prefix], e.g. " + upstream.defaultUrl() + ")");
        }
        return base;
    }
}
