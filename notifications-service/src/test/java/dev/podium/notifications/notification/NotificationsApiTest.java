package dev.podium.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.audience.Audience;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class NotificationsApiTest implements RealServers {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    @Inject
    Sql sql;

    @Inject
    @Client("/")
    HttpClient http;

    private final MailTestServer mail = TestServers.mail();
    private final Identity organiser = Fixtures.person("orla");
    private final Identity admin = Identity.admin("operator-" + UUID.randomUUID());

    @Test
    @SuppressWarnings("unchecked")
    void theGroupsOrganiserSeesWhatWentToWhomAndCanRetryDeadDeliveries() {
        String groupId = UUID.randomUUID().toString();
        String member = Fixtures.address("member");
        String suppressed = Fixtures.address("bounced");
        sql.update("INSERT INTO suppression (email_sha256, email, reason, created_at) VALUES (SHA2(?, 256), ?, '550 mailbox unavailable', ?)",
                suppressed, suppressed, Instant.now());
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", organiser));
        TopicWriter.publish(codec, Fixtures.member(groupId, member, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 1);
        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3")));
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        TopicWriter.publish(codec, new RegistrationConfirmed(new RegistrationSnapshot(UUID.randomUUID().toString(), event.eventId(),
                new PersonRef(null, "Bounced", suppressed), "CONFIRMED", Instant.now(), null, null),
                new EventRef(event.eventId(), groupId, event.groupSlug(), event.groupName(), event.language(), event.number(), event.title(),
                        event.status(), event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(), event.endsAtUtc(),
                        event.venue(), event.sequence(), event.url())));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(member).size() == 1);

        Map<String, Object> announcements = get("/notifications?eventId=" + event.eventId() + "&type=ANNOUNCEMENT");
        assertThat(announcements.get("total")).isEqualTo(1);
        Map<String, Object> announcement = ((List<Map<String, Object>>) announcements.get("items")).get(0);
        String id = (String) announcement.get("id");
        // The RSVP comes on another topic, through another consumer: it may be recorded a moment later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/notifications?eventId=" + event.eventId()).get("total"))
                .as("announcement, 3 speaker slots, 1 RSVP").isEqualTo(5));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> rsvp = ((List<Map<String, Object>>) get("/notifications?eventId=" + event.eventId()
                    + "&type=REGISTRATION_CONFIRMED").get("items")).get(0);
            return ((Map<String, Object>) rsvp.get("deliveries")).get("SKIPPED").equals(1);
        });
        Map<String, Object> one = get("/notifications/" + id);
        assertThat(one.get("subject")).isEqualTo("Paris Deep Learning : Deep Learning Meetup #13");
        assertThat((Map<String, Object>) one.get("deliveries")).containsEntry("SENT", 1).containsEntry("DEAD", 0);

        List<Map<String, Object>> sent = (List<Map<String, Object>>) get("/notifications/" + id + "/deliveries?status=SENT").get("items");
        assertThat(sent).singleElement().satisfies(delivery -> {
            assertThat(delivery.get("email")).isEqualTo(member);
            assertThat(delivery.get("attempts")).isEqualTo(1);
        });

        // A delivery that ran out of attempts while the SMTP server was down:
        sql.update("UPDATE delivery SET status = 'DEAD', attempts = 10, last_error = 'Connection refused' WHERE notification_id = ?", id);
        assertThat(get("/notifications/" + id + "/deliveries?status=DEAD").get("total")).isEqualTo(1);
        Map<String, Object> retried = http.toBlocking().retrieve(
                Tokens.as(organiser, HttpRequest.POST("/notifications/" + id + "/retry", "")), JSON);
        assertThat(retried.get("requeued")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(member).size() == 2);
        assertThat((Map<String, Object>) get("/notifications/" + id).get("deliveries")).containsEntry("SENT", 1);
    }

    @Test
    void unknownAndMalformedIdsAndFiltersAreClearErrors() {
        ProblemResponse.of(() -> get(admin, "/notifications/" + UUID.randomUUID())).assertProblem(404, "not-found");
        ProblemResponse.of(() -> get(admin, "/notifications/" + UUID.randomUUID() + "/deliveries")).assertProblem(404, "not-found");
        ProblemResponse.of(() -> get(admin, "/notifications/not-an-id")).assertStatus(400);
        ProblemResponse.of(() -> get(admin, "/notifications?type=NEWSLETTER")).assertStatus(400);
        ProblemResponse.of(() -> get(admin, "/notifications?size=1000")).assertStatus(400);
    }

    private Map<String, Object> get(String uri) {
        return get(organiser, uri);
    }

    private Map<String, Object> get(Identity caller, String uri) {
        return http.toBlocking().retrieve(Tokens.as(caller, HttpRequest.GET(uri)), JSON);
    }
}
