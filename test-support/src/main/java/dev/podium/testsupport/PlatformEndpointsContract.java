package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every Podium service exposes besides its API: health and readiness with the database and
 * Kafka checked, the generated OpenAPI spec with Swagger UI, Prometheus metrics and problem+json
 * errors. A service's test extends this with {@code @MicronautTest(transactional = false)}.
 */
public abstract class PlatformEndpointsContract implements RealServers {

    private final String serviceName;

    @Inject
    @Client("/")
    HttpClient http;

    protected PlatformEndpointsContract(String serviceName) {
        this.serviceName = serviceName;
    }

    @Test
    void healthIsUpWithDatabaseAndKafkaChecked() {
        Map<String, Object> health = http.toBlocking().retrieve(HttpRequest.GET("/health"),
                Argument.mapOf(String.class, Object.class));

        assertThat(health.get("status")).isEqualTo("UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat(details.keySet()).contains("jdbc", "kafka");
        assertThat(status(details.get("jdbc"))).isEqualTo("UP");
        assertThat(status(details.get("kafka"))).isEqualTo("UP");
    }

    @Test
    void readinessAndLivenessAnswer() {
        assertThat(http.toBlocking().exchange("/health/readiness").code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(http.toBlocking().exchange("/health/liveness").code()).isEqualTo(HttpStatus.OK.getCode());
    }

    @Test
    void servesItsOpenApiSpecAndSwaggerUi() {
        String spec = http.toBlocking().retrieve("/swagger/podium-" + serviceName + "-0.1.yml");
        assertThat(spec).contains("openapi:").contains("title: Podium " + serviceName);

        String ui = http.toBlocking().retrieve("/swagger-ui/index.html");
        assertThat(ui).containsIgnoringCase("swagger");
    }

    @Test
    void exposesPrometheusMetrics() {
        String metrics = http.toBlocking().retrieve("/prometheus");
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void answersUnknownPathsWithProblemJson() {
        assertThatThrownBy(() -> http.toBlocking().exchange("/no-such-thing", String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    HttpResponse<?> response = e.getResponse();
                    assertThat(response.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
                    assertThat(response.getContentType()).hasValueSatisfying(
                            type -> assertThat(type.toString()).isEqualTo((Object) "application/problem+json"));
                });
    }

    @SuppressWarnings("unchecked")
    private static String status(Object indicator) {
        return String.valueOf(((Map<String, Object>) indicator).get("status"));
    }
}
