package dev.podium.events.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A replica holding as many requests as it may refuses the next at once, 503 with Retry-After, instead of
 * queueing it; its health endpoints still answer. Here the limit is 0, so every request is one too many.
 */
@MicronautTest(transactional = false)
class LoadSheddingTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.http.max-requests-in-flight", "0");
        return properties;
    }

    @Test
    void aRequestBeyondTheLimitIsRefusedAtOnceButHealthStillAnswers() {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/events/" + UUID.randomUUID() + "/registrations",
                        Map.of("name", "Ada", "email", "ada@example.org"))));

        ProblemResponse.of(() -> {
            throw refused;
        }).assertProblem(503, "service-unavailable");
        assertThat(refused.getResponse().header("Retry-After")).isEqualTo("1");
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/health/liveness")).code()).isEqualTo(200);
    }
}
