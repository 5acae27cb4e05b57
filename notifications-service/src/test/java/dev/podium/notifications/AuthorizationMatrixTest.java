package dev.podium.notifications;

import static dev.podium.testsupport.AuthorizationMatrix.Principal.ADMIN;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.ORGANISER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OTHER_GROUPS_ORGANISER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OTHER_SPEAKER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OWNER_SPEAKER;
import static io.micronaut.http.HttpMethod.DELETE;
import static io.micronaut.http.HttpMethod.PATCH;
import static io.micronaut.http.HttpMethod.POST;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.unsubscribe.UnsubscribeTokens;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.AuthorizationMatrix;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import dev.podium.testsupport.AuthorizationMatrix.Principal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, every route × every kind of caller. The notifications API belongs to the
 * organisers of the group whose event a notification is about, and to admins; anyone else, signed
 * in, gets 404 for a notification (they cannot tell it from one that does not exist) and an empty
 * list. A notification about no event (the membership opt-in) is the admins' alone. Speakers, even
 * the recipient of a notification, do not use this API: their copy is the email. The unsubscribe
 * page and its POST need no account, only a link this service signed; the pages' stylesheet is anyone's.
 * A group's webhook endpoints are its organisers' and the admins': an organiser of another group can
 * neither list nor register them, nor touch one by its id.
 */
@MicronautTest(transactional = false)
class AuthorizationMatrixTest implements RealServers {

    private static final String NOTIFICATION = "/notifications/{id}";
    private static final String DELIVERIES = NOTIFICATION + "/deliveries";
    private static final String RETRY = NOTIFICATION + "/retry";

    @Inject
    MessageCodec codec;

    @Inject
    Sql sql;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    Router router;

    @Inject
    @Client("/")
    HttpClient http;

    private final Identity organiser = Fixtures.person("orla");
    private final Identity otherGroupsOrganiser = Fixtures.person("otto");
    private final Identity ownerSpeaker = Fixtures.person("olivier");
    private final Identity otherSpeaker = Fixtures.person("sam");
    private final Identity admin = Identity.admin("admin-" + UUID.randomUUID());

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.webhooks.allowed-networks", "127.0.0.0/8");
        return properties;
    }

    @Test
    void everyRouteAnswersAsTheTableSays() {
        String groupId = UUID.randomUUID().toString();
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", organiser));
        TopicWriter.publish(codec, Fixtures.group(UUID.randomUUID().toString(), "en", otherGroupsOrganiser));
        TopicWriter.publish(codec, Fixtures.member(groupId, Fixtures.address("member"), true));
        TopicWriter.publish(codec, Fixtures.member(groupId, Fixtures.address("joining"), false));
        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(ownerSpeaker.email(), Fixtures.address("s2"), Fixtures.address("s3")));
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        String announcement = awaitNotification("event_id = ? AND kind = 'ANNOUNCEMENT'", event.eventId());
        String speakerSlot = awaitNotification("event_id = ? AND kind = 'SPEAKER_SLOT' AND EXISTS "
                + "(SELECT 1 FROM delivery d WHERE d.notification_id = notification.id AND d.email = ?)", event.eventId(), ownerSpeaker.email());
        String optIn = awaitNotification("group_id = ? AND kind = 'MEMBERSHIP_CONFIRMATION'", groupId);
        String unsubscribe = tokens.issue(groupId, Fixtures.address("leaving"));
        String tampered = tokens.issue(UnsubscribeTokens.ALL_GROUPS, Fixtures.address("victim")).replaceFirst("^[^.]+",
                tokens.issue(groupId, Fixtures.address("someone")).split("\\.")[0]);

        AuthorizationMatrix matrix = new AuthorizationMatrix(Map.of(
                OTHER_GROUPS_ORGANISER, otherGroupsOrganiser, ORGANISER, organiser,
                OTHER_SPEAKER, otherSpeaker, OWNER_SPEAKER, ownerSpeaker, ADMIN, admin));
        // matrix.read: a GET row and the row of the HEAD route Micronaut adds beside it, with the same statuses.
        //                                                                                                anon  other organiser other owner admin
        //                                                                                                      org.            spk.  spk.
        matrix.read("/notifications", who -> "/notifications").expect(401, 200, 200, 200, 200, 200);
        matrix.read("/notifications", who -> "/notifications?eventId=" + event.eventId() + "&type=ANNOUNCEMENT").expect(401, 200, 200, 200, 200, 200);
        matrix.read("/notifications/waiting", who -> "/notifications/waiting?eventId=" + event.eventId()).expect(401, 404, 200, 404, 404, 200);
        matrix.read("/notifications/waiting", who -> "/notifications/waiting?eventId=" + UUID.randomUUID()).expect(401, 404, 404, 404, 404, 404);
        matrix.read(NOTIFICATION, who -> "/notifications/" + announcement).expect(401, 404, 200, 404, 404, 200);
        matrix.read(NOTIFICATION, who -> "/notifications/" + speakerSlot).expect(401, 404, 200, 404, 404, 200);
        matrix.read(NOTIFICATION, who -> "/notifications/" + optIn).expect(401, 404, 404, 404, 404, 200);
        matrix.read(NOTIFICATION, who -> "/notifications/" + UUID.randomUUID()).expect(401, 404, 404, 404, 404, 404);
        matrix.read(DELIVERIES, who -> "/notifications/" + announcement + "/deliveries").expect(401, 404, 200, 404, 404, 200);
        matrix.read(DELIVERIES, who -> "/notifications/" + speakerSlot + "/deliveries").expect(401, 404, 200, 404, 404, 200);
        matrix.read(DELIVERIES, who -> "/notifications/" + optIn + "/deliveries").expect(401, 404, 404, 404, 404, 200);
        post(matrix, RETRY, "/notifications/" + announcement + "/retry",                                    401, 404, 200, 404, 404, 200);
        post(matrix, RETRY, "/notifications/" + optIn + "/retry",                                           401, 404, 404, 404, 404, 200);
        matrix.read("/unsubscribe", who -> "/unsubscribe?token=" + unsubscribe).expect(200, 200, 200, 200, 200, 200);
        matrix.read("/unsubscribe", who -> "/unsubscribe?token=" + tampered).expect(400, 400, 400, 400, 400, 400);
        matrix.read("/admin/calendar-replies", who -> "/admin/calendar-replies?status=unmatched").expect(401, 403, 403, 403, 403, 200);
        matrix.read("/admin/calendar-replies", who -> "/admin/calendar-replies?status=nonsense").expect(401, 403, 403, 403, 403, 400);
        matrix.read("/assets/podium.css", who -> "/assets/podium.css").expect(200, 200, 200, 200, 200, 200);
        matrix.row(POST, "/unsubscribe", who -> oneClick(unsubscribe)).expect(                              200, 200, 200, 200, 200, 200);
        matrix.row(POST, "/unsubscribe", who -> oneClick(tampered)).expect(                                 400, 400, 400, 400, 400, 400);
        // Management: only what probes and scrapers need is enabled, and open.
        matrix.read("/health", who -> "/health").expect(200, 200, 200, 200, 200, 200);
        matrix.read("/health/{selector}", who -> "/health/readiness").expect(200, 200, 200, 200, 200, 200);
        matrix.read("/prometheus", who -> "/prometheus").expect(401, 403, 403, 403, 403, 200);

        // Webhooks: the group's organisers and admins; to anyone else the group's endpoints do not exist (404).
        String slug = sql.one("SELECT slug FROM audience_group WHERE group_id = ?", row -> row.getString(1), groupId).orElseThrow();
        Map<Principal, String> ownEndpoint = new EnumMap<>(Principal.class);
        for (Principal principal : Principal.values()) {
            ownEndpoint.put(principal, endpoint(groupId));
        }
        String endpoint = endpoint(groupId);
        String webhooks = "/groups/" + slug + "/webhooks";
        //                                                                                                anon  other organiser other owner admin
        matrix.row(POST, "/groups/{slug}/webhooks", who -> HttpRequest.POST(webhooks, Map.of("url", "http://127.0.0.1:9/hook",
                "types", List.of("member.left"), "description", "matrix"))).expect(                          401, 404, 201, 404, 404, 201);
        matrix.read("/groups/{slug}/webhooks", who -> webhooks).expect(                                      401, 404, 200, 404, 404, 200);
        matrix.row(PATCH, "/webhooks/{id}", who -> HttpRequest.PATCH("/webhooks/" + endpoint,
                Map.of("description", "changed"))).expect(                                                   401, 404, 200, 404, 404, 200);
        matrix.row(DELETE, "/webhooks/{id}", who -> HttpRequest.DELETE("/webhooks/" + ownEndpoint.get(who))).expect(
                                                                                                             401, 404, 204, 404, 404, 204);
        post(matrix, "/webhooks/{id}/secret", "/webhooks/" + endpoint + "/secret",                         401, 404, 200, 404, 404, 200);
        post(matrix, "/webhooks/{id}/ping", "/webhooks/" + endpoint + "/ping",                             401, 404, 202, 404, 404, 202);
        matrix.read("/webhooks/{id}/deliveries", who -> "/webhooks/" + endpoint + "/deliveries?status=FAILED").expect(
                                                                                                             401, 404, 200, 404, 404, 200);
        Map<Principal, Long> failedDelivery = new EnumMap<>(Principal.class);
        for (Principal principal : Principal.values()) {
            failedDelivery.put(principal, failedDelivery(groupId, endpoint));
        }
        matrix.row(POST, "/webhooks/{id}/deliveries/{deliveryId}/redeliver", who -> HttpRequest.POST("/webhooks/" + endpoint
                + "/deliveries/" + failedDelivery.get(who) + "/redeliver", "")).expect(                      401, 404, 202, 404, 404, 202);
        post(matrix, "/webhooks/{id}/redeliver-failed", "/webhooks/" + endpoint + "/redeliver-failed",     401, 404, 200, 404, 404, 200);

        matrix.assertCoversEveryRoute(router);
        matrix.assertAnswers(http.toBlocking());
    }

    /** An endpoint registered as organisers do, on a port nobody listens on, for a type the test never produces. */
    private String endpoint(String groupId) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        sql.update("INSERT INTO webhook_endpoint (id, group_id, url, types, secret, enabled, created_at, updated_at) "
                + "VALUES (?, ?, 'http://127.0.0.1:9/hook', 'member.left', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', TRUE, ?, ?)",
                id, groupId, now, now);
        return id;
    }

    /** A delivery that failed for good, to send again. */
    private long failedDelivery(String groupId, String endpoint) {
        String message = "msg_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        sql.update("INSERT INTO webhook_message (id, group_id, type, ordering_key, body, created_at) VALUES (?, ?, 'member.left', ?, '{}', ?)",
                message, groupId, "matrix:" + message, now);
        sql.update("INSERT INTO webhook_delivery (message_id, endpoint_id, ordering_key, status, attempts, next_attempt_at, updated_at) "
                + "VALUES (?, ?, ?, 'FAILED', 1, ?, ?)", message, endpoint, "matrix:" + message, now, now);
        return sql.one("SELECT id FROM webhook_delivery WHERE message_id = ?", row -> row.getLong(1), message).orElseThrow();
    }

    private static void post(AuthorizationMatrix matrix, String template, String path, int... statuses) {
        matrix.row(POST, template, who -> HttpRequest.POST(path, "")).expect(statuses);
    }

    private static MutableHttpRequest<?> oneClick(String token) {
        return HttpRequest.POST("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private String awaitNotification(String where, Object... parameters) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> sql.one("SELECT id FROM notification WHERE " + where, row -> row.getString(1), parameters),
                Optional::isPresent).orElseThrow();
    }
}
