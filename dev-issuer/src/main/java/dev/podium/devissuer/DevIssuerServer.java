package dev.podium.devissuer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a {@link DevIssuer} over HTTP:
 * <ul>
 *   <li>{@code GET /.well-known/jwks.json}: the public keys services validate tokens with;</li>
 *   <li>{@code GET /.well-known/openid-configuration}: the issuer's discovery document;</li>
 *   <li>{@code GET|POST /token?sub=alice[&name=…][&email=…][&role=admin][&ttl=3600]}: a signed token,
 *       as plain text, for that identity.</li>
 * </ul>
 * Run on its own with {@code java -cp … dev.podium.devissuer.DevIssuerServer}; the port comes from
 * {@code DEV_ISSUER_PORT} (default 8090) and the issuer URL written into tokens from
 * {@code DEV_ISSUER_URL} (default {@code http://localhost:<port>}), their audience from
 * {@code DEV_ISSUER_AUDIENCE} (default {@value DevIssuer#DEFAULT_AUDIENCE}).
 */
public final class DevIssuerServer implements AutoCloseable {

    private final HttpServer server;
    private final DevIssuer issuer;

    private DevIssuerServer(HttpServer server, DevIssuer issuer) {
        this.server = server;
        this.issuer = issuer;
    }

    /** Starts an issuer on {@code host:port} (port 0: any free port) whose tokens name {@code publicUrl}, or the bound address when null. */
    public static DevIssuerServer start(String host, int port, String publicUrl) throws IOException {
        return start(host, port, publicUrl, DevIssuer.DEFAULT_AUDIENCE);
    }

    /** As {@link #start(String, int, String)}, with the audience ({@code aud}) written into the tokens. */
    public static DevIssuerServer start(String host, int port, String publicUrl, String audience) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        String issuerUrl = publicUrl != null ? stripSlash(publicUrl)
                : "http://" + host + ":" + server.getAddress().getPort();
        DevIssuerServer devServer = new DevIssuerServer(server, new DevIssuer(issuerUrl, audience, Clock.systemUTC()));
        server.createContext("/.well-known/jwks.json", exchange -> devServer.answer(exchange, "application/json", devServer.issuer.jwksJson()));
        server.createContext("/.well-known/openid-configuration", exchange -> devServer.answer(exchange, "application/json", devServer.discovery()));
        server.createContext("/token", devServer::token);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "dev-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return devServer;
    }

    public DevIssuer issuer() {
        return issuer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where services fetch the keys, as reachable from this machine. */
    public String jwksUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/.well-known/jwks.json";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String discovery() {
        String base = issuer.issuerUrl();
        return "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/.well-known/jwks.json\","
                + "\"token_endpoint\":\"" + base + "/token\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
        if (exchange.getRequestMethod().equals("POST")) {
            query.putAll(query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        String sub = first(query, "sub");
        if (sub == null || sub.isBlank()) {
            answer(exchange, 400, "text/plain", "sub is required: /token?sub=alice[&name=Alice][&email=alice@example.org][&role=admin][&ttl=3600]\n");
            return;
        }
        Duration ttl;
        try {
            ttl = first(query, "ttl") == null ? DevIssuer.DEFAULT_TTL : Duration.ofSeconds(Long.parseLong(first(query, "ttl")));
        } catch (NumberFormatException e) {
            answer(exchange, 400, "text/plain", "ttl must be a number of seconds\n");
            return;
        }
        List<String> roles = new ArrayList<>();
        query.getOrDefault("role", List.of()).forEach(role -> roles.addAll(Arrays.asList(role.split(","))));
        Identity identity = new Identity(sub, first(query, "name"), first(query, "email"), roles);
        answer(exchange, "text/plain", issuer.token(identity, ttl) + "\n");
    }

    private void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        answer(exchange, 200, contentType, body);
    }

    private void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return values;
        }
        for (String pair : raw.strip().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("DEV_ISSUER_PORT", "8090"));
        String host = System.getenv().getOrDefault("DEV_ISSUER_HOST", "0.0.0.0");
        String publicUrl = System.getenv().getOrDefault("DEV_ISSUER_URL", "http://localhost:" + port);
        String audience = System.getenv().getOrDefault("DEV_ISSUER_AUDIENCE", DevIssuer.DEFAULT_AUDIENCE);
        DevIssuerServer server = start(host, port, publicUrl, audience.isBlank() ? DevIssuer.DEFAULT_AUDIENCE : audience);
        System.out.println("Podium development token issuer (never for production) on port " + server.port()
                + ", issuer " + server.issuer().issuerUrl());
        Thread.currentThread().join();
    }
}
