package dev.podium.notifications.webhook;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import dev.podium.testsupport.TopicWriter;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.Fixtures;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.testsupport.Tokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the webhook tests share: the API calls an organiser makes, and RSVPs as events-service publishes them. */
final class WebhookTestSupport {

    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private WebhookTestSupport() {
    }

    static HttpResponse<Map<String, Object>> register(BlockingHttpClient http, Identity caller, String slug, String url,
                                                      List<String> types) {
        return http.exchange(Tokens.as(caller, HttpRequest.POST("/groups/" + slug + "/webhooks",
                Map.of("url", url, "types", types, "description", "test receiver"))), JSON);
    }

    static Map<String, Object> post(BlockingHttpClient http, Identity caller, String path) {
        return http.retrieve(Tokens.as(caller, HttpRequest.POST(path, "")), JSON);
    }

    static Map<String, Object> get(BlockingHttpClient http, Identity caller, String path) {
        return http.retrieve(Tokens.as(caller, HttpRequest.GET(path)), JSON);
    }

    static List<Map<String, Object>> list(BlockingHttpClient http, Identity caller, String path) {
        return http.retrieve(Tokens.as(caller, HttpRequest.GET(path)), Argument.listOf(JSON));
    }

    /** A new group of {@code organiser}, as events-service announces it; returns its slug once this service knows it. */
    static String knownGroup(MessageCodec codec, Audience audience, Identity organiser) {
        String groupId = UUID.randomUUID().toString();
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", organiser));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.group(groupId).isPresent()
                && !audience.organisers(groupId).isEmpty());
        return audience.group(groupId).orElseThrow().slug();
    }

    static RegistrationSnapshot registration(EventSnapshot event, String email, String status) {
        return new RegistrationSnapshot(UUID.randomUUID().toString(), event.eventId(), new PersonRef(null, "Ada " + email, email),
                status, Instant.now(), null, "https://events.podium.example/rsvp/secret-link");
    }

    static EventRef ref(EventSnapshot event) {
        return new EventRef(event.eventId(), event.groupId(), event.groupSlug(), event.groupName(), event.language(),
                event.number(), event.title(), event.status(), event.startsAt(), event.endsAt(), event.timeZone(),
                event.startsAtUtc(), event.endsAtUtc(), event.venue(), event.sequence(), event.url());
    }
}
