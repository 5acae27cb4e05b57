package dev.podium.notifications.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.notifications.Fixtures;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The unsubscribe POST is a public write: one client address gets a few per window, then 429. */
@MicronautTest(transactional = false)
class UnsubscribeRateLimitTest implements RealServers {

    private static final int LIMIT = 3;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    Sql sql;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.rate-limits.public-writes.requests", String.valueOf(LIMIT));
        // A day: the few requests below never straddle the end of a window.
        properties.put("podium.rate-limits.public-writes.window", "1d");
        return properties;
    }

    @Test
    void theFourthUnsubscribeFromOneAddressIsRefusedWith429AndRetryAfterAndRecordsNothing() {
        String groupId = UUID.randomUUID().toString();
        List<String> addresses = List.of(Fixtures.address("a"), Fixtures.address("b"), Fixtures.address("c"), Fixtures.address("d"));
        for (String address : addresses.subList(0, LIMIT)) {
            assertThat(http.toBlocking().exchange(oneClick(tokens.issue(groupId, address)), String.class).code()).isEqualTo(200);
        }

        String fourth = tokens.issue(groupId, addresses.get(LIMIT));
        assertThatThrownBy(() -> http.toBlocking().exchange(oneClick(fourth), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(429);
                    assertThat(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).as("Retry-After, in seconds")
                            .isNotNull().matches("[1-9][0-9]*");
                });
        ProblemResponse.of(() -> http.toBlocking().exchange(oneClick(fourth), String.class)).assertProblem(429, "rate-limited");
        assertThat(sql.count("SELECT COUNT(*) FROM unsubscription WHERE email = ?", addresses.get(LIMIT))).isZero();

        assertThat(http.toBlocking().exchange(HttpRequest.GET("/unsubscribe?token=" + fourth), String.class).code())
                .as("the page, which changes nothing, is not limited").isEqualTo(200);
    }

    private static HttpRequest<String> oneClick(String token) {
        return HttpRequest.POST("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }
}
