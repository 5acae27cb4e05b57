package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.devissuer.DevIssuer;
import dev.podium.devissuer.Identity;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
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

    /**
     * A request that needs an account and that any signed-in person may make (for instance creating
     * their own resource): with a valid token it must not answer 401; with a hostile one it must.
     */
    protected abstract MutableHttpRequest<?> requestNeedingAnAccount();

    @Test
    void aValidTokenIsAccepted() {
        Identity someone = Identity.of("someone-" + UUID.randomUUID());
        int status = statusOf(requestNeedingAnAccount().bearerAuth(TestServers.issuer().issuer().token(someone)));
        assertThat(status).as("status with a valid token").isNotEqualTo(401).isLessThan(500);
    }

    @Test
    void hostileTokensAreRefusedWith401() {
        DevIssuer issuer = TestServers.issuer().issuer();
        Identity admin = Identity.admin("admin-" + UUID.randomUUID());
        Map<String, String> hostile = Map.of(
                "no token", "",
                "expired", issuer.expiredToken(admin),
                "signed by another key under the issuer's key id", issuer.tokenSignedByAnotherKey(admin),
                "alg:none", issuer.unsignedToken(admin),
                "the right issuer, another audience", issuer.tokenForAudience(admin, "another-application"),
                "not a JWT", "not-a-jwt");
        hostile.forEach((kind, token) -> {
            MutableHttpRequest<?> request = requestNeedingAnAccount();
            if (!token.isEmpty()) {
                request.bearerAuth(token);
            }
            ProblemResponse.of(() -> http.toBlocking().exchange(request, String.class))
                    .assertProblem(401, "authentication-required");
        });
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        MutableHttpRequest<?> request = requestNeedingAnAccount();
        String huge = "{\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        int status = statusOf(HttpRequest.POST(request.getPath(), huge)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(TestServers.issuer().issuer().token(Identity.of("big-" + UUID.randomUUID()))));
        assertThat(status).isEqualTo(413);
    }

    private int statusOf(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void healthIsUpWithDatabaseAndKafkaChecked() {
        Map<String, Object> health = http.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(adminToken()),
                Argument.mapOf(String.class, Object.class));

        assertThat(health.get("status")).isEqualTo("UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat(details.keySet()).contains("jdbc", "kafka");
        assertThat(status(details.get("jdbc"))).isEqualTo("UP");
        assertThat(status(details.get("kafka"))).isEqualTo("UP");
    }

    /** The JDBC URL, database version and Kafka cluster are for admins: anyone else gets the status. */
    @Test
    void healthShowsOthersTheStatusOnly() {
        String someone = TestServers.issuer().issuer().token(Identity.of("someone-" + UUID.randomUUID()));
        for (MutableHttpRequest<?> request : java.util.List.of(HttpRequest.GET("/health"), HttpRequest.GET("/health").bearerAuth(someone),
                HttpRequest.GET("/health/readiness"), HttpRequest.GET("/health/liveness"))) {
            String body = http.toBlocking().retrieve(request);
            assertThat(body).as("%s %s", request.getPath(), request.getHeaders().contains("Authorization") ? "signed in" : "anonymous")
                    .contains("\"status\":\"UP\"").doesNotContain("details", "jdbc", "mysql", "kafka");
        }
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
    void exposesPrometheusMetricsToAdminsAndScrapers() {
        String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(adminToken()));
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("hikaricp_connections");

        Identity scraper = new Identity("scraper-" + UUID.randomUUID(), null, null, java.util.List.of("metrics"));
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(TestServers.issuer().issuer().token(scraper))))
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void metricsAreRefusedToAnonymousAndOrdinaryCallers() {
        ProblemResponse.of(() -> http.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class))
                .assertProblem(401, "authentication-required");
        String someone = TestServers.issuer().issuer().token(Identity.of("someone-" + UUID.randomUUID()));
        ProblemResponse.of(() -> http.toBlocking().exchange(HttpRequest.GET("/prometheus").bearerAuth(someone), String.class))
                .assertProblem(403, "forbidden");
    }

    private static String adminToken() {
        return TestServers.issuer().issuer().token(Identity.admin("ops-" + UUID.randomUUID()));
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
