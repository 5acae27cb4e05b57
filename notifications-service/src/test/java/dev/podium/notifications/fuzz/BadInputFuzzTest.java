package dev.podium.notifications.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MembershipSource;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.ReceivedMail;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.unsubscribe.UnsubscribeTokens;
import dev.podium.testsupport.LogCapture;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicWriter;
import dev.podium.testsupport.fuzz.FuzzReport;
import dev.podium.testsupport.fuzz.Fuzzer;
import dev.podium.testsupport.fuzz.HostileValues;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad input at notifications-service's edges. Over HTTP: about 1,000 requests generated from its
 * OpenAPI spec (fixed seed) reach its notifications API and unsubscribe pages with real ids and
 * tokens mixed with hostile values: no 5xx, no unhandled exception logged. Over Kafka: what other
 * services publish carries whatever people typed, so names, titles, abstracts and venues full of
 * markup and header injections must come out of every email as text: escaped in the HTML part, and
 * never a header of their own.
 */
@MicronautTest(transactional = false)
class BadInputFuzzTest implements RealServers {

    static final long SEED = 20_261_124L;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MessageCodec codec;
    @Inject
    Audience audience;
    @Inject
    UnsubscribeTokens unsubscribeTokens;

    private final MailTestServer mail = TestServers.mail();

    @Test
    void generatedBadRequestsNeverGetA5xxNorLogAnUnhandledException() {
        Identity organiser = Fixtures.person("orla");
        String groupId = UUID.randomUUID().toString();
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", organiser));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String member = Fixtures.address("fuzz-member");
            members.add(member);
            TopicWriter.publish(codec, Fixtures.member(groupId, member, true));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 3);
        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3")));
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream().allMatch(m -> mail.messagesTo(m).size() == 1));
        List<String> notificationIds = notificationIds(organiser, event.eventId());
        List<String> tokens = new ArrayList<>();
        members.forEach(member -> tokens.add(unsubscribeTokens.issue(groupId, member)));
        tokens.add(unsubscribeTokens.issue(UnsubscribeTokens.ALL_GROUPS, members.get(0)));
        String token = Tokens.of(organiser);

        FuzzReport report;
        try (LogCapture logs = LogCapture.errorsAndExceptions()) {
            report = Fuzzer.forSpec("META-INF/swagger/podium-notifications-service-0.1.yml")
                    .knownValues("id", notificationIds)
                    .knownValues("eventId", List.of(event.eventId()))
                    .knownValues("token", tokens)
                    .seed(SEED).requests(1_000)
                    .run(http.toBlocking(), () -> token);
            assertThat(logs.events()).as("errors and exceptions logged while fuzzing").isEmpty();
        }
        System.out.println("[fuzz] notifications-service: " + report);
        assertThat(report.serverErrors()).as(report.toString()).isEmpty();
        assertThat(report.noAnswers()).as(report.toString()).isEmpty();
        assertThat(report.successes()).as(report.toString()).isGreaterThan(100);
    }

    @Test
    void injectedMarkupAndHeadersComeOutOfEveryEmailAsText() throws Exception {
        List<String> markup = HostileValues.MARKUP;
        String groupId = UUID.randomUUID().toString();
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", Fixtures.person("orla")));
        List<String> members = new ArrayList<>();
        for (String name : markup) {
            String member = Fixtures.address("markup");
            members.add(member);
            TopicWriter.publish(codec, new MemberJoined(groupId, "paris-dl", markup.get(0), "en", UUID.randomUUID().toString(),
                    name, member, MembershipSource.JOINED, true, null, Instant.now(), null));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == markup.size());
        List<AgendaSlotSnapshot> agenda = new ArrayList<>();
        LocalDateTime start = LocalDateTime.parse("2029-03-07T19:00");
        for (int i = 0; i < markup.size(); i++) {
            String hostile = markup.get(i);
            agenda.add(new AgendaSlotSnapshot("slot-" + i, start.plusMinutes(20L * i), start.plusMinutes(20L * (i + 1)), hostile, hostile,
                    "TALK", hostile, "talk-" + i,
                    List.of(new SpeakerRef("spk-" + i, null, hostile, Fixtures.address("speaker"), hostile)), hostile));
        }
        EventSnapshot base = Fixtures.event(UUID.randomUUID().toString(), groupId, markup.get(1), "2029-03-07T19:00",
                "2029-03-07T22:00", 1, agenda);
        EventSnapshot event = new EventSnapshot(base.eventId(), groupId, base.groupSlug(), markup.get(0), "en", base.number(),
                markup.get(1), String.join(" ", markup), base.status(), base.startsAt(), base.endsAt(), base.timeZone(),
                base.startsAtUtc(), base.endsAtUtc(), base.venue(), base.capacity(), base.sequence(), base.url(), agenda);
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream().allMatch(m -> mail.messagesTo(m).size() == 1));

        for (String member : members) {
            ReceivedMail email = ReceivedMail.of(mail.messagesTo(member).get(0));
            String html = email.html().toLowerCase(Locale.ROOT);
            assertThat(html).as("HTML of the announcement to %s", member)
                    .doesNotContain("<script").doesNotContain("<img src=x").doesNotContain("<svg")
                    .doesNotContain("<style>body").doesNotContain("href=\"javascript:")
                    .contains("&lt;script&gt;");
            assertThat(email.text()).as("text part").contains("<script>alert('podium')</script>");
            assertThat(headerNames(email)).as("headers of the announcement to %s", member)
                    .doesNotContain("X-Injected", "Bcc");
            assertThat(email.message().getAllRecipients()).hasSize(1);
        }
    }

    private static List<String> headerNames(ReceivedMail email) throws MessagingException {
        List<String> names = new ArrayList<>();
        for (Header header : Collections.list(email.message().getAllHeaders())) {
            names.add(header.getName());
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private List<String> notificationIds(Identity organiser, String eventId) {
        Map<String, Object> page = http.toBlocking().retrieve(
                Tokens.as(organiser, HttpRequest.GET("/notifications?eventId=" + eventId)),
                Argument.mapOf(String.class, Object.class));
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }
}
