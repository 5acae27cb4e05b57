package dev.podium.gateway;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyRequestOptions;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.HttpServerConfiguration;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Forwards every request to the service that owns its path ({@link RoutingTable#podium()}), except the
 * gateway's own {@code /health}: same method, path, query, headers and body, the body streamed both
 * ways (never held whole in memory), through Micronaut's {@link ProxyHttpClient}.
 *
 * <ul>
 *   <li>{@code Host} names the service (the URL it is reached at), as any HTTP client would send; the
 *       host the client asked for goes in {@code X-Forwarded-Host}.</li>
 *   <li>{@code X-Forwarded-For}, {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} get what this hop
 *       saw appended (peer address, {@code Host}, scheme), so the first value is what the outermost proxy
 *       saw: the services read the client address from {@code X-Forwarded-For} when the gateway's address is
 *       among their {@code HTTP_TRUSTED_PROXIES}, and the host a form was posted to from
 *       {@code X-Forwarded-Host}.</li>
 *   <li>Hop-by-hop headers ({@code Connection} and those it names, {@code Keep-Alive},
 *       {@code Transfer-Encoding}, {@code Upgrade}, {@code TE}, {@code Trailer}, {@code Proxy-*}) are not
 *       forwarded either way; the HTTP client and server frame each connection themselves.</li>
 *   <li>Redirects are passed to the client, never followed ({@code micronaut.http.client.follow-redirects:
 *       false}).</li>
 *   <li>A service that cannot be reached is answered 502 problem+json with {@code Retry-After}; one that
 *       does not start answering within the client's read timeout, 504.</li>
 *   <li>Paths no rule owns (the services' {@code /health} and {@code /prometheus} among them) are
 *       answered 404 by the gateway, paths a service could read differently ({@code ..}, encoded
 *       slashes) 400.</li>
 * </ul>
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class GatewayFilter implements HttpServerFilter {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    /** RFC 9110 section 7.6.1, plus the non-standard ones still seen in the wild. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private final ProxyHttpClient client;
    private final Upstreams upstreams;
    private final UpstreamFailureLog failures;
    private final long maxRequestSize;
    private final RoutingTable table = RoutingTable.podium();

    GatewayFilter(ProxyHttpClient client, Upstreams upstreams, UpstreamFailureLog failures, HttpServerConfiguration server) {
        this.client = client;
        this.upstreams = upstreams;
        this.failures = failures;
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String rawPath = request.getUri().getRawPath();
        if (isGatewayOwn(rawPath)) {
            return chain.proceed(request);
        }
        Optional<Upstream> upstream;
        try {
            upstream = table.route(rawPath);
        } catch (RoutingTable.UnsafePathException e) {
            return Mono.just(Problems.invalidPath(e.getMessage()));
        }
        if (upstream.isEmpty()) {
            return Mono.just(Problems.notFound(rawPath));
        }
        if (request.getContentLength() > maxRequestSize) {
            // Refused before the service is asked; a chunked body that grows past the limit is cut off
            // while it streams (failed(): 413 too).
            return Mono.just(Problems.tooLarge(maxRequestSize));
        }
        return forward(request, upstream.get(), rawPath);
    }

    /** The gateway's own health endpoint (and its /health/liveness, /health/readiness). */
    static boolean isGatewayOwn(String rawPath) {
        return rawPath.equals("/health") || rawPath.startsWith("/health/");
    }

    private Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> request, Upstream upstream, String rawPath) {
        ForwardedRequest outgoing = ForwardedRequest.of(request,
                upstreams.target(upstream, rawPath, request.getUri().getRawQuery()));
        outgoing.headers(headers -> {
            removeHopByHop(headers);
            appendForwarded(headers, request);
        });
        return Flux.from(client.proxy(outgoing, ProxyRequestOptions.getDefault()))
                .<MutableHttpResponse<?>>map(response -> {
                    failures.succeeded(upstream);
                    response.headers(GatewayFilter::removeHopByHop);
                    return response;
                })
                .onErrorResume(error -> Mono.just(failed(upstream, request, error)));
    }

    private MutableHttpResponse<?> failed(Upstream upstream, HttpRequest<?> request, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ContentLengthExceededException) {
                return Problems.tooLarge(maxRequestSize);
            }
        }
        if (error instanceof ReadTimeoutException) {
            failures.timedOut(upstream, request.getMethodName() + " " + request.getUri().getRawPath());
            return Problems.gatewayTimeout(upstream);
        }
        String why = reason(error);
        failures.unreachable(upstream, upstreams.base(upstream), why);
        return Problems.badGateway(upstream, why);
    }

    /** The innermost message: "Connection refused", "No route to host", "Connection reset", … */
    private static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }

    static void removeHopByHop(MutableHttpHeaders headers) {
        List<String> named = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    named.add(token.strip());
                }
            }
        }
        for (String name : List.copyOf(headers.names())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || named.stream().anyMatch(lower::equalsIgnoreCase)) {
                headers.remove(name);
            }
        }
    }

    private static void appendForwarded(MutableHttpHeaders headers, HttpRequest<?> request) {
        InetSocketAddress peer = request.getRemoteAddress();
        String peerAddress = peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
        append(headers, X_FORWARDED_FOR, peerAddress);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host != null && !host.isBlank()) {
            append(headers, X_FORWARDED_HOST, host.strip());
        }
        append(headers, X_FORWARDED_PROTO, request.isSecure() ? "https" : "http");
    }

    /** One header line, this hop's value after what earlier proxies wrote. */
    private static void append(MutableHttpHeaders headers, String name, String value) {
        List<String> earlier = headers.getAll(name).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        headers.remove(name);
        headers.add(name, earlier.isEmpty() ? value : String.join(", ", earlier) + ", " + value);
    }
}
