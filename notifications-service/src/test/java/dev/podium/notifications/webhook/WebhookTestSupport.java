package dev.podium.notifications.webhook;

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
