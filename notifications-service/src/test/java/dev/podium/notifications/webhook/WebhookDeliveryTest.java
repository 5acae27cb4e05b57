package dev.podium.notifications.webhook;

import static dev.podium.notifications.webhook.WebhookTestSupport.JSON;
import static dev.podium.notifications.webhook.WebhookTestSupport.post;
import static dev.podium.notifications.webhook.WebhookTestSupport.ref;
import static dev.podium.notifications.webhook.WebhookTestSupport.knownGroup;
import static dev.podium.notifications.webhook.WebhookTestSupport.register;
import static dev.podium.notifications.webhook.WebhookTestSupport.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.audience.Audience;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end on the real servers: facts on Kafka become signed Standard Webhooks POSTs to a
 * real HTTP server in the test, checked with a verifier written from the specification.
 */
@MicronautTest(transactional = false)
class WebhookDeliveryTest implements RealServers {

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    @Inject
    JsonMapper json;

    @Inject
    @Client("/")
    HttpClient http;

    private final Identity organiser = Fixtures.person("orla");
    private TestReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new TestReceiver();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.webhooks.allowed-networks", "127.0.0.0/8");
        properties.put("podium.webhooks.retry-delay", "200ms");
        properties.put("podium.webhooks.max-retry-delay", "1s");
        return properties;
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aRegisteredReceiverGetsSignedMessagesInOrderPerEvent() throws IOException {
        String slug = group();
        Map<String, Object> created = register(http.toBlocking(), organiser, slug, receiver.url("/in-order"),
                List.of("event.published", "registration.confirmed", "registration.cancelled")).body();
        String secret = (String) created.get("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 32);

        EventSnapshot event = event(slug);
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        RegistrationSnapshot ada = registration(event, Fixtures.address("ada"), "CONFIRMED");
        RegistrationSnapshot bob = registration(event, Fixtures.address("bob"), "CONFIRMED");
        TopicWriter.publish(codec, new RegistrationConfirmed(ada, ref(event)));
        TopicWriter.publish(codec, new RegistrationConfirmed(bob, ref(event)));
        TopicWriter.publish(codec, new RegistrationCancelled(ada, ref(event), CancelledBy.ATTENDEE));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/in-order").size() >= 4);
        List<TestReceiver.Received> received = receiver.at("/in-order");
        assertThat(received).allSatisfy(request -> assertThat(StandardWebhooksVerifier.verifies(secret, request)).isTrue());
        List<Map<String, Object>> bodies = received.stream().map(this::body).toList();
        List<String> registrationTypes = bodies.stream().map(body -> (String) body.get("type"))
                .filter(type -> type.startsWith("registration.")).toList();
        assertThat(registrationTypes).containsExactly("registration.confirmed", "registration.confirmed", "registration.cancelled");
        assertThat(bodies.stream().filter(body -> body.get("type").equals("registration.confirmed"))
                .map(body -> registrationId(body)).toList()).containsExactly(ada.registrationId(), bob.registrationId());
        Map<String, Object> published = bodies.stream().filter(body -> body.get("type").equals("event.published")).findFirst().orElseThrow();
        assertThat(data(published).get("event")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", event.eventId()).containsEntry("title", event.title());
        assertThat(published.get("timestamp")).isInstanceOf(String.class);
        assertThat(received.get(0).body()).doesNotContain("secret-link");
        assertThat(received).extracting(TestReceiver.Received::webhookId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("msg_"));
    }

    @Test
    void aReceiverThatAnswers500TwiceGetsThreeAttemptsOfTheSameMessage() {
        String slug = group();
        receiver.answer("/flaky", 500, 500);
        Map<String, Object> created = register(http.toBlocking(), organiser, slug, receiver.url("/flaky"),
                List.of("event.published")).body();
        EventSnapshot event = event(slug);
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));

        String endpoint = (String) created.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(delivery(endpoint).get("status")));
        List<TestReceiver.Received> attempts = receiver.at("/flaky");
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(TestReceiver.Received::webhookId).containsOnly(attempts.get(0).webhookId());
        assertThat(attempts).allSatisfy(request ->
                assertThat(StandardWebhooksVerifier.verifies((String) created.get("secret"), request)).isTrue());
        assertThat(delivery(endpoint)).containsEntry("attempts", 3).containsEntry("responseCode", 200)
                .containsEntry("messageId", attempts.get(0).webhookId());
    }

    @Test
    void aReceiverThatAnswersGoneFailsTheDeliveryAtOnceAndARedeliveryResendsTheSameMessage() {
        String slug = group();
        receiver.answer("/gone", 410);
        String endpoint = (String) register(http.toBlocking(), organiser, slug, receiver.url("/gone"),
                List.of("event.published")).body().get("id");
        TopicWriter.publish(codec, new EventPublished(event(slug), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(delivery(endpoint).get("status")));
        assertThat(delivery(endpoint)).containsEntry("attempts", 1).containsEntry("responseCode", 410);
        assertThat(receiver.at("/gone")).hasSize(1);

        Map<String, Object> redelivered = post(http.toBlocking(), organiser, "/webhooks/" + endpoint + "/redeliver-failed");
        assertThat(redelivered).containsEntry("redelivered", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(delivery(endpoint).get("status")));
        assertThat(receiver.at("/gone")).hasSize(2).extracting(TestReceiver.Received::webhookId)
                .containsOnly(receiver.at("/gone").get(0).webhookId());
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGracePeriodEnds() {
        String slug = group();
        Map<String, Object> created = register(http.toBlocking(), organiser, slug, receiver.url("/rotated"),
                List.of("event.published")).body();
        String endpoint = (String) created.get("id");
        String oldSecret = (String) created.get("secret");
        Map<String, Object> rotated = post(http.toBlocking(), organiser, "/webhooks/" + endpoint + "/secret");
        String newSecret = (String) rotated.get("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);

        TopicWriter.publish(codec, new EventPublished(event(slug), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/rotated").isEmpty());
        TestReceiver.Received request = receiver.at("/rotated").get(0);
        assertThat(request.signature().split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verifies(newSecret, request)).as("the new secret").isTrue();
        assertThat(StandardWebhooksVerifier.verifies(oldSecret, request)).as("the old secret, in its grace period").isTrue();
        assertThat(StandardWebhooksVerifier.verifies(WebhookSecret.generate(), request)).as("another secret").isFalse();
    }

    @Test
    void aPingReachesTheEndpointAndShowsInItsDeliveries() {
        String slug = group();
        Map<String, Object> created = register(http.toBlocking(), organiser, slug, receiver.url("/ping"), List.of("member.left")).body();
        String endpoint = (String) created.get("id");

        Map<String, Object> ping = post(http.toBlocking(), organiser, "/webhooks/" + endpoint + "/ping");

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/ping").isEmpty());
        assertThat((Object) receiver.at("/ping").get(0).webhookId()).isEqualTo(ping.get("messageId"));
        assertThat(body(receiver.at("/ping").get(0))).containsEntry("type", "webhook.ping");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(delivery(endpoint).get("status")));
    }

    @Test
    void aUrlOnAPrivateOrMetadataAddressIsRefusedOutsideTheAllowlist() {
        String slug = group();
        for (String url : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/hook",
                "http://192.168.1.20/hook", "http://[fd00::1]/hook", "ftp://example.org/hook", "http://user:pw@127.0.0.1/hook")) {
            assertThatThrownBy(() -> register(http.toBlocking(), organiser, slug, url, List.of("event.published")))
                    .as(url).isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(422);
                        assertThat(e.getResponse().getBody(String.class).orElse("")).contains("webhook-url-refused");
                    });
        }
        assertThat(WebhookTestSupport.list(http.toBlocking(), organiser, "/groups/" + slug + "/webhooks")).isEmpty();
    }

    @Test
    void anUnknownTypeIsRefused() {
        String slug = group();
        assertThatThrownBy(() -> register(http.toBlocking(), organiser, slug, receiver.url("/typo"), List.of("event.publish")))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(422));
    }

    private String group() {
        return knownGroup(codec, audience, organiser);
    }

    private EventSnapshot event(String slug) {
        String groupId = audience.groupBySlug(slug).orElseThrow().groupId();
        return Fixtures.meetup13(UUID.randomUUID().toString(), groupId, List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3")));
    }

    private Map<String, Object> delivery(String endpoint) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) WebhookTestSupport.get(http.toBlocking(), organiser,
                "/webhooks/" + endpoint + "/deliveries").get("items");
        return items.isEmpty() ? Map.of() : items.get(0);
    }

    private Map<String, Object> body(TestReceiver.Received received) {
        try {
            return json.readValue(received.body(), JSON);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> body) {
        return (Map<String, Object>) body.get("data");
    }

    private static String registrationId(Map<String, Object> body) {
        return (String) data(body).get("registrationId");
    }
}
