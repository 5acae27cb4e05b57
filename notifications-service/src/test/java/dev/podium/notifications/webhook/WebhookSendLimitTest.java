package dev.podium.notifications.webhook;

import static dev.podium.notifications.webhook.WebhookTestSupport.knownGroup;
import static dev.podium.notifications.webhook.WebhookTestSupport.post;
import static dev.podium.notifications.webhook.WebhookTestSupport.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.podium.contracts.MessageCodec;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.audience.Audience;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pings and redeliveries make Podium call a receiver at once: they are rate-limited per client address. */
@MicronautTest(transactional = false)
class WebhookSendLimitTest implements RealServers {

    @Inject
    MessageCodec codec;
    @Inject
    Audience audience;
    @Inject
    @Client("/")
    HttpClient http;

    private final Identity organiser = Fixtures.person("orson");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.webhooks.allowed-networks", "127.0.0.0/8");
        properties.put("podium.rate-limits.webhook-sends.requests", "3");
        properties.put("podium.rate-limits.webhook-sends.window", "1h");
        return properties;
    }

    @Test
    void aFourthSendWithinTheWindowIsRefusedWithWhenToTryAgain() throws IOException {
        try (TestReceiver receiver = new TestReceiver()) {
            String slug = knownGroup(codec, audience, organiser);
            String endpoint = (String) register(http.toBlocking(), organiser, slug, receiver.url("/limited"),
                    List.of("event.published")).body().get("id");

            post(http.toBlocking(), organiser, "/webhooks/" + endpoint + "/ping");
            post(http.toBlocking(), organiser, "/webhooks/" + endpoint + "/ping");
            post(http.toBlocking(), organiser, "/webhooks/" + endpoint + "/redeliver-failed");
            HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                    () -> post(http.toBlocking(), organiser, "/webhooks/" + endpoint + "/ping"));

            ProblemResponse.of(() -> {
                throw refused;
            }).assertProblem(429, "rate-limited");
            assertThat(refused.getResponse().header("Retry-After")).as("seconds until the window ends")
                    .satisfies(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        }
    }
}
