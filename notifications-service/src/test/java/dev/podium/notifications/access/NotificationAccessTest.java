package dev.podium.notifications.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
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
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each group's organisers see the notifications about their group's events, and nobody else's; a
 * co-organiser added by email before they had an account is recognised by their verified email.
 */
@MicronautTest(transactional = false)
class NotificationAccessTest implements RealServers {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    MessageCodec codec;

    @Inject
    Sql sql;

    @Inject
    @Client("/")
    HttpClient http;

    private final Identity creator = Fixtures.person("orla");
    /** Added as co-organiser by email only; now signs in with an account of their own. */
    private final Identity coOrganiser = Fixtures.person("cora");
    private final Identity otherGroupsOrganiser = Fixtures.person("otto");
    private final Identity admin = Identity.admin("admin-" + UUID.randomUUID());
    private final String groupId = UUID.randomUUID().toString();
    private final String otherGroupId = UUID.randomUUID().toString();
    private final String member = Fixtures.address("member");
    private EventSnapshot event;
    private EventSnapshot otherGroupsEvent;
    private String announcement;
    private String otherGroupsAnnouncement;
    private String optIn;

    @BeforeAll
    void twoGroupsWithAnAnnouncedEventEach() {
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", creator));
        TopicWriter.publish(codec, new OrganiserAdded(groupId, "paris-dl", new PersonRef(null, "Cora", coOrganiser.email()), Instant.now()));
        TopicWriter.publish(codec, Fixtures.member(groupId, member, true));
        TopicWriter.publish(codec, Fixtures.member(groupId, Fixtures.address("joining"), false));
        TopicWriter.publish(codec, Fixtures.group(otherGroupId, "en", otherGroupsOrganiser));
        TopicWriter.publish(codec, Fixtures.member(otherGroupId, Fixtures.address("other-member"), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count(
                "SELECT COUNT(*) FROM group_member WHERE group_id IN (?, ?) AND confirmed", groupId, otherGroupId) == 2);
        event = Fixtures.event(UUID.randomUUID().toString(), groupId, "Meetup #20", "2029-05-02T19:00", "2029-05-02T21:00", 1, List.of());
        otherGroupsEvent = Fixtures.event(UUID.randomUUID().toString(), otherGroupId, "Meetup #21", "2029-05-03T19:00",
                "2029-05-03T21:00", 1, List.of());
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        TopicWriter.publish(codec, new EventPublished(otherGroupsEvent, Instant.now()));
        announcement = awaitNotification("event_id = ? AND kind = 'ANNOUNCEMENT'", event.eventId());
        otherGroupsAnnouncement = awaitNotification("event_id = ? AND kind = 'ANNOUNCEMENT'", otherGroupsEvent.eventId());
        optIn = awaitNotification("group_id = ? AND kind = 'MEMBERSHIP_CONFIRMATION'", groupId);
    }

    @Test
    void theCreatorAndACoOrganiserAddedByEmailListTheirGroupsEventNotificationsOnly() {
        for (Identity organiser : List.of(creator, coOrganiser)) {
            List<Map<String, Object>> items = items(get(organiser, "/notifications?size=100"));
            assertThat(items).extracting(item -> item.get("id")).as("as %s", organiser.sub())
                    .contains(announcement).doesNotContain(otherGroupsAnnouncement, optIn);
            assertThat(items).allSatisfy(item -> {
                assertThat(item.get("groupId")).isEqualTo(groupId);
                assertThat(item.get("eventId")).isNotNull();
            });
            assertThat(get(organiser, "/notifications/" + announcement).get("id")).isEqualTo(announcement);
            assertThat(items(get(organiser, "/notifications/" + announcement + "/deliveries")))
                    .extracting(delivery -> delivery.get("email")).containsExactly(member);
        }
    }

    @Test
    void anotherGroupsOrganiserGuessingIdsLearnsNothingAndRequeuesNothing() {
        assertThat(get(otherGroupsOrganiser, "/notifications?eventId=" + event.eventId()).get("total")).isEqualTo(0);
        ProblemResponse.of(() -> get(otherGroupsOrganiser, "/notifications/" + announcement)).assertProblem(404, "not-found");
        ProblemResponse.of(() -> get(otherGroupsOrganiser, "/notifications/" + announcement + "/deliveries"))
                .assertProblem(404, "not-found");
        ProblemResponse.of(() -> get(coOrganiser, "/notifications/" + otherGroupsAnnouncement)).assertProblem(404, "not-found");

        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count(
                "SELECT COUNT(*) FROM delivery WHERE notification_id = ? AND status = 'SENT'", announcement) == 1);
        sql.update("UPDATE delivery SET status = 'DEAD', attempts = 10 WHERE notification_id = ?", announcement);
        ProblemResponse.of(() -> retry(otherGroupsOrganiser, announcement)).assertProblem(404, "not-found");
        assertThat(sql.count("SELECT COUNT(*) FROM delivery WHERE notification_id = ? AND status = 'DEAD'", announcement))
                .as("still dead after someone else's retry").isEqualTo(1);
        assertThat(retry(creator, announcement).get("requeued")).isEqualTo(1);
    }

    @Test
    void aNotificationAboutNoEventIsForAdminsOnly() {
        ProblemResponse.of(() -> get(creator, "/notifications/" + optIn)).assertProblem(404, "not-found");
        assertThat(get(creator, "/notifications?type=MEMBERSHIP_CONFIRMATION").get("total")).isEqualTo(0);
        assertThat(items(get(admin, "/notifications?type=MEMBERSHIP_CONFIRMATION&size=100")))
                .extracting(item -> item.get("id")).contains(optIn);
        assertThat(items(get(admin, "/notifications?size=100"))).extracting(item -> item.get("id"))
                .contains(announcement, otherGroupsAnnouncement, optIn);
    }

    private Map<String, Object> get(Identity caller, String uri) {
        return http.toBlocking().retrieve(Tokens.as(caller, HttpRequest.GET(uri)), JSON);
    }

    private Map<String, Object> retry(Identity caller, String notificationId) {
        return http.toBlocking().retrieve(Tokens.as(caller, HttpRequest.POST("/notifications/" + notificationId + "/retry", "")), JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private String awaitNotification(String where, Object... parameters) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> sql.one("SELECT id FROM notification WHERE " + where, row -> row.getString(1), parameters),
                Optional::isPresent).orElseThrow();
    }
}
