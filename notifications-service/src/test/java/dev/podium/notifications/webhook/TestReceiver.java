package dev.podium.notifications.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server in the test, on loopback: each path answers the statuses it was given, in order,
 * then 200, and records every request it got (headers as sent, body as received).
 */
final class TestReceiver implements AutoCloseable {

    record Received(String path, String webhookId, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final Map<String, Queue<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
            Queue<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.poll();
            int status = scripted != null ? scripted : always.getOrDefault(path, 200);
            byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, Integer... statuses) {
        scripts.put(path, new ArrayDeque<>(Arrays.asList(statuses)));
    }

    void alwaysAnswer(String path, int status) {
        always.put(path, status);
    }

    List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
