package dev.podium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A service that stays silent longer than GATEWAY_READ_TIMEOUT is answered 504 problem+json, not waited for. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTimeoutTest implements TestPropertyProvider {

    private StubService events;

    @Inject
    EmbeddedServer gateway;

    @Override
    public Map<String, String> getProperties() {
        events = new StubService("events");
        events.on("/events/slow", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
        });
        return Map.of(
                "micronaut.server.port", "-1",
                "gateway.upstreams.events", events.url(),
                "micronaut.http.client.read-timeout", "1s");
    }

    @AfterAll
    void stop() {
        events.close();
    }

    @Test
    void answers504WhenAServiceStaysSilent() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.getPort() + "/events/slow"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        // 1 s of silence, plus the first request's warm-up on a busy machine; never the service's 10 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(7));
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.body()).contains("\"type\":\"https://podium.dev/problems/gateway-timeout\"")
                .contains("events-service did not answer in time");
    }
}
