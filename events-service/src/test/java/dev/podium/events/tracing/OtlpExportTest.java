package dev.podium.events.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An OTLP endpoint is all it takes: a request's span reaches the collector at that address (here a
 * real HTTP server in the test, answering as a collector does), in the request's trace.
 */
@MicronautTest(transactional = false)
class OtlpExportTest implements RealServers {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collector.createContext("/v1/traces", exchange -> {
            exports.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort());
        properties.put("otel.exporter.otlp.protocol", "http/protobuf");
        properties.put("otel.bsp.schedule.delay", "100");
        return properties;
    }

    @AfterAll
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aRequestsSpanIsExportedOverOtlpInItsTrace() {
        client.toBlocking().exchange(HttpRequest.GET("/events?when=upcoming")
                .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01"), String.class);

        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(exports)
                .as("an OTLP export holding the request's trace id")
                .anyMatch(body -> indexOf(body, traceId) >= 0));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
