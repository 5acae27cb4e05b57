package dev.podium.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A real HTTP server (the JDK's) standing in for one Podium service behind the gateway: it records
 * every request it receives (method, raw path and query, headers, body) and answers
 * {@code 200 {"service":"<name>"}} unless a handler is registered for the path.
 */
final class StubService implements AutoCloseable {

    /** What the stub received. Header names are lower case; a header sent twice has two values. */
    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(" | ", values);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;
    private int port;

    StubService(String name) {
        this.name = name;
        start(0);
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answers requests to exactly this path with {@code handler} (which reads the body itself). */
    void on(String rawPath, Handler handler) {
        handlers.put(rawPath, handler);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    void forget() {
        received.clear();
    }

    /** Stops listening; {@link #restart()} listens again on the same port. */
    void stop() {
        server.stop(0);
    }

    void restart() {
        start(port);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
        port = server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            Handler handler = handlers.get(rawPath);
            if (handler != null) {
                received.add(new Received(exchange.getRequestMethod(), rawPath, exchange.getRequestURI().getRawQuery(),
                        headers(exchange.getRequestHeaders()), new byte[0]));
                handler.handle(exchange);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), rawPath, exchange.getRequestURI().getRawQuery(),
                    headers(exchange.getRequestHeaders()), body));
            byte[] answer = ("{\"service\":\"" + name + "\",\"path\":\"" + rawPath + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Stub", name);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(), List.copyOf(values)));
        return copy;
    }
}
