package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service whose database goes away answers 503 problem+json ({@code service-unavailable}, with
 * {@code Retry-After}) within 5 s instead of hanging, reports DOWN on {@code /health}, and answers
 * normally again by itself once the database is back. The application reaches its database through a
 * {@link TcpProxy}, cut for the time of the requests. A service's test extends this with
 * {@code @MicronautTest(transactional = false)} and names one of its reads.
 */
public abstract class DatabaseOutageContract implements RealServers {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageContract.class);
    /** Issue 7: "the APIs answer 503 problem+json within 5 s (never hang)". */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private TcpProxy database;

    @Inject
    @Client("/")
    HttpClient http;

    /** A read of the service's API that needs its database and answers 200 (with any token it needs). */
    protected abstract MutableHttpRequest<?> aRead();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        database = TcpProxy.inFrontOfDatabase(properties);
        return properties;
    }

    @AfterAll
    void closeProxy() {
        database.close();
    }

    @Test
    void answers503WhileTheDatabaseIsAwayThenRecoversByItself() throws InterruptedException {
        assertThat(exchange(aRead()).status()).as("before the outage").isEqualTo(200);

        Answer read;
        Answer health;
        database.cut();
        try {
            read = exchange(aRead());
            // As an admin: the details (jdbc DOWN) are for admins only.
            health = exchange(adminHealth());
        } finally {
            database.restore();
        }
        LOG.info("Database away: {} answered {} in {} ms, /health {} in {} ms", aRead().getPath(), read.status(),
                read.took().toMillis(), health.status(), health.took().toMillis());

        assertThat(read.took()).isLessThan(ANSWER_BOUND);
        assertThat(read.status()).isEqualTo(503);
        assertThat(read.contentType()).isEqualTo("application/problem+json");
        assertThat(read.body().get("type")).isEqualTo("https://podium.dev/problems/service-unavailable");
        assertThat(read.retryAfter()).isEqualTo("5");
        assertThat(health.took()).isLessThan(ANSWER_BOUND);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().get("status")).isEqualTo("DOWN");
        assertThat(status(details(health.body()).get("jdbc"))).isEqualTo("DOWN");

        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (exchange(aRead()).status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(exchange(aRead()).status()).as("answering again by itself").isEqualTo(200);
        while (exchange(adminHealth()).status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, Object> healthAfter = exchange(adminHealth()).body();
        assertThat(healthAfter.get("status")).isEqualTo("UP");
        assertThat(status(details(healthAfter).get("jdbc"))).isEqualTo("UP");
    }

    /** {@code GET /health} as an admin: the details (jdbc UP or DOWN) are shown to admins only. */
    private static MutableHttpRequest<?> adminHealth() {
        return HttpRequest.GET("/health").bearerAuth(Tokens.of(dev.podium.devissuer.Identity.admin("ops")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> health) {
        return (Map<String, Object>) health.getOrDefault("details", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Object status(Object indicator) {
        return indicator instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("status") : null;
    }

    private Answer exchange(MutableHttpRequest<?> request) {
        long start = System.nanoTime();
        HttpResponse<?> response;
        try {
            response = http.toBlocking().exchange(request, JSON, JSON);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        }
        return new Answer(response.code(), response.getContentType().map(Object::toString).orElse(""),
                response.getHeaders().get("Retry-After"), response.getBody(JSON).orElse(Map.of()),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private record Answer(int status, String contentType, String retryAfter, Map<String, Object> body, Duration took) {
    }
}
