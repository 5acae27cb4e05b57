package dev.podium.notifications.webhook;

import static dev.podium.notifications.webhook.WebhookTestSupport.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.ReceivedMail;
import dev.podium.notifications.audience.Audience;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An endpoint whose every attempt fails for longer than {@code disable-after} is disabled, its group's
 * organisers get an email saying so, and it receives nothing more, while the group's other endpoint
 * (the witness) goes on receiving.
 */
@MicronautTest(transactional = false)
class DisabledEndpointTest implements RealServers {

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    @Inject
    @Client("/")
    HttpClient http;

    private final MailTestServer mail = TestServers.mail();
    private final Identity organiser = Fixtures.person("orla");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.webhooks.allowed-networks", "127.0.0.0/8");
        properties.put("podium.webhooks.retry-delay", "200ms");
        properties.put("podium.webhooks.max-retry-delay", "500ms");
        properties.put("podium.webhooks.disable-after", "2s");
        return properties;
    }

    @Test
    void anEndpointFailingTooLongIsDisabledItsOrganisersAreEmailedAndItReceivesNothingMore() throws IOException {
        try (TestReceiver receiver = new TestReceiver()) {
            String groupId = UUID.randomUUID().toString();
            TopicWriter.publish(codec, Fixtures.group(groupId, "en", organiser));
            await().atMost(Duration.ofSeconds(30)).until(() -> audience.group(groupId).isPresent()
                    && !audience.organisers(groupId).isEmpty());
            String slug = audience.group(groupId).orElseThrow().slug();
            receiver.alwaysAnswer("/down", 503);
            String down = (String) register(http.toBlocking(), organiser, slug, receiver.url("/down"),
                    List.of("event.published")).body().get("id");
            register(http.toBlocking(), organiser, slug, receiver.url("/witness"), List.of("event.published"));

            TopicWriter.publish(codec, new EventPublished(event(groupId), Instant.now()));

            await().atMost(Duration.ofSeconds(60)).until(() -> WebhookTestSupport.list(http.toBlocking(), organiser,
                    "/groups/" + slug + "/webhooks").stream().anyMatch(endpoint -> endpoint.get("id").equals(down)
                    && Boolean.FALSE.equals(endpoint.get("enabled"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> !mail.messagesTo(organiser.email()).isEmpty());
            ReceivedMail notice = ReceivedMail.of(mail.messagesTo(organiser.email()).get(0));
            assertThat(notice.subject()).contains("webhook").contains("disabled");
            assertThat(notice.text()).contains(receiver.url("/down"));

            EventSnapshot later = event(groupId);
            TopicWriter.publish(codec, new EventPublished(later, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/witness").stream()
                    .anyMatch(request -> request.body().contains(later.eventId())));
            assertThat(receiver.at("/down")).noneMatch(request -> request.body().contains(later.eventId()));
        }
    }

    private static EventSnapshot event(String groupId) {
        return Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3")));
    }
}
