package dev.podium.notifications.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Streams;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.ReceivedMail;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.ProducerVersions;
import dev.podium.testsupport.ProducerVersions.Outgoing;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An announcement goes to the members its group had when it was published, even when
 * notifications-service reads the event before it has read those members (issue 14). The tests
 * publish as events-service's relay does, all at once, and wait only for emails and API answers.
 */
@MicronautTest(transactional = false)
class AnnouncementAudienceTest implements RealServers {

    private static final String SUBJECT = "Paris Deep Learning : Deep Learning Meetup #13";
    private static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(Argument.mapOf(String.class, Object.class));

    @Inject
    MessageCodec codec;
    @Inject
    @Client("/")
    HttpClient http;

    private final MailTestServer mail = TestServers.mail();
    private final Identity organiser = Fixtures.person("orla");

    @Test
    void anAnnouncementPublishedRightAfterAnImportReachesEveryImportedMemberOnce() throws Exception {
        String groupId = UUID.randomUUID().toString();
        String members = Streams.groupMembers(groupId);
        ProducerVersions producer = new ProducerVersions();
        List<Outgoing> relayed = new ArrayList<>();
        relayed.add(producer.change(Fixtures.group(groupId, "fr", organiser), members));
        List<String> imported = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String email = Fixtures.address("imported-" + i);
            imported.add(email);
            relayed.add(producer.change(Fixtures.member(groupId, email, true), members));
        }
        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId, speakers());
        relayed.add(producer.after(new EventPublished(event, Instant.now()), members));

        // Counted as the server accepts them: reading 300 mailboxes at every poll would be slower than the sending.
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        try (AutoCloseable counting = mail.onDelivery((recipient, message) -> {
            if (SUBJECT.equals(message.getSubject())) {
                received.computeIfAbsent(recipient.toLowerCase(Locale.ROOT), address -> new AtomicInteger()).incrementAndGet();
            }
        })) {
            TopicWriter.publishOutgoing(codec, relayed);

            await().atMost(Duration.ofSeconds(120)).until(() -> imported.stream().allMatch(received::containsKey));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> imported.stream().allMatch(member -> received.get(member).get() == 1));
            assertThat(received.keySet()).as("nobody else got it").containsExactlyInAnyOrderElementsOf(imported);
        }
    }

    @Test
    void theOrganiserSeesWhatTheAnnouncementWaitsForAndEveryMemberGetsItOnceTheyAreKnown() {
        String groupId = UUID.randomUUID().toString();
        String members = Streams.groupMembers(groupId);
        ProducerVersions producer = new ProducerVersions();
        List<String> emails = List.of(Fixtures.address("m1"), Fixtures.address("m2"), Fixtures.address("m3"), Fixtures.address("m4"));
        Outgoing created = producer.change(Fixtures.group(groupId, "fr", organiser), members);
        List<Outgoing> joins = emails.stream().map(email -> producer.change(Fixtures.member(groupId, email, true), members)).toList();
        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId, speakers());
        Outgoing published = producer.after(new EventPublished(event, Instant.now()), members);
        // The relay has published the group, two of the four joins and the publication; two joins are late.
        TopicWriter.publishOutgoing(codec, List.of(created, joins.get(0), joins.get(1), published));

        // 404 until notifications-service has heard of the event at all.
        await().atMost(Duration.ofSeconds(30)).ignoreException(HttpClientResponseException.class)
                .untilAsserted(() -> assertThat(waiting(organiser, event.eventId()))
                .singleElement().satisfies(waiting -> {
                    assertThat(waiting.get("type")).isEqualTo("podium.events.EventPublished");
                    assertThat(waiting.get("waitingFor")).isEqualTo(members);
                    assertThat(waiting).containsEntry("known", 3).containsEntry("needed", 5).containsEntry("missing", 2);
                    assertThat((String) waiting.get("detail")).startsWith("Waiting for 2 membership changes of the group to be known (3 of 5)");
                }));
        assertThat(emails).allMatch(member -> announcements(member) == 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.toBlocking().retrieve(
                        Tokens.as(Identity.admin("operator-" + UUID.randomUUID()), HttpRequest.GET("/prometheus")), String.class))
                .as("the operator's gauge of messages waiting for facts").containsPattern(
                        "podium_consumer_deferred\\{consumer=\"notifications\\.events\",topic=\"podium\\.events\\.event\\.v1\",?\\} [1-9]"));
        ProblemResponse.of(() -> waiting(Fixtures.person("another-organiser"), event.eventId())).assertProblem(404, "not-found");

        TopicWriter.publishOutgoing(codec, List.of(joins.get(2), joins.get(3)));

        await().atMost(Duration.ofSeconds(30)).until(() -> emails.stream().allMatch(member -> announcements(member) == 1));
        assertThat(waiting(organiser, event.eventId())).isEmpty();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> emails.stream().allMatch(member -> announcements(member) == 1));
    }

    private long announcements(String member) {
        return mail.messagesTo(member).stream().filter(message -> ReceivedMail.of(message).subject().equals(SUBJECT)).count();
    }

    private List<Map<String, Object>> waiting(Identity caller, String eventId) {
        return http.toBlocking().retrieve(Tokens.as(caller, HttpRequest.GET("/notifications/waiting?eventId=" + eventId)), LIST);
    }

    private static List<String> speakers() {
        return List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3"));
    }
}
