package dev.podium.notifications.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.ReceivedMail;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.Recipient;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicReader;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UnsubscribeTest implements RealServers {

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    @Client("/")
    HttpClient http;

    private final MailTestServer mail = TestServers.mail();

    @Test
    void theLinkInAnAnnouncementShowsAPageAndOnlyThePostUnsubscribesFromLaterAnnouncementsAndTellsEventsService() {
        String groupId = UUID.randomUUID().toString();
        String leaving = Fixtures.address("leaving");
        String staying = Fixtures.address("staying");
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", Fixtures.address("orla")));
        TopicWriter.publish(codec, Fixtures.member(groupId, leaving, true));
        TopicWriter.publish(codec, Fixtures.member(groupId, staying, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 2);
        TopicWriter.publish(codec, new EventPublished(Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3"))), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(leaving).size() == 1 && mail.messagesTo(staying).size() == 1);

        String header = ReceivedMail.of(mail.messagesTo(leaving).get(0)).header("List-Unsubscribe");
        String token = header.substring(header.indexOf("token=") + "token=".length(), header.length() - 1);

        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/unsubscribe?token=" + token), String.class);
        assertThat(page.getContentType()).hasValueSatisfying(type -> assertThat(type.toString()).startsWith("text/html"));
        assertThat(page.body()).contains(leaving, "<form method=\"post\"", "href=\"/assets/podium.css\"");
        assertThat(page.header("Content-Security-Policy")).as("the pages' shared policy").contains("script-src 'none'");
        assertThat(audience.members(groupId)).as("GET changes nothing").hasSize(2);

        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the List-Unsubscribe URL.
        HttpClientResponseException forged = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("Origin", "https://elsewhere.example"), String.class));
        assertThat(forged.getStatus().getCode()).as("the same form posted from another site").isEqualTo(403);
        assertThat(audience.members(groupId)).as("a refused form changes nothing").hasSize(2);
        HttpResponse<String> done = http.toBlocking().exchange(HttpRequest.POST("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        assertThat(done.getStatus().getCode()).isEqualTo(200);
        assertThat(done.body()).contains(leaving);
        assertThat(audience.members(groupId)).extracting(Recipient::email).containsExactly(staying);
        http.toBlocking().exchange(HttpRequest.POST("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);

        try (TopicReader reader = TopicReader.fromBeginning(Topics.SUBSCRIPTIONS)) {
            List<MemberUnsubscribed> published = reader.drain(record -> record.value().contains(leaving), Duration.ofSeconds(5)).stream()
                    .map(record -> codec.decode(record.value())).map(DecodedMessage::data).map(MemberUnsubscribed.class::cast).toList();
            assertThat(published).as("one message, however often the link is clicked").hasSize(1);
            assertThat(published.get(0).groupId()).isEqualTo(groupId);
        }

        TopicWriter.publish(codec, new EventPublished(Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(Fixtures.address("s4"), Fixtures.address("s5"), Fixtures.address("s6"))), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(staying).size() == 2);
        assertThat(mail.messagesTo(leaving)).hasSize(1);
    }

    @Test
    void aTamperedOrMalformedTokenIsRefusedAndRecordsNothing() {
        String victim = Fixtures.address("victim");
        String genuine = tokens.issue(UUID.randomUUID().toString(), victim);
        String signature = genuine.substring(genuine.indexOf('.') + 1);
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(("* " + victim).getBytes());
        // The signature's first character: its 6 bits are all signature (the last character's lowest
        // bits are base64 padding, which decoding ignores, so changing it may change nothing).
        int first = genuine.indexOf('.') + 1;
        String flipped = genuine.substring(0, first) + (genuine.charAt(first) == 'A' ? 'B' : 'A') + genuine.substring(first + 1);

        for (String token : List.of(otherPayload + "." + signature, flipped, "not-a-token", genuine.replace('.', '-'))) {
            ProblemResponse.of(() -> http.toBlocking().exchange(HttpRequest.POST("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class))
                    .assertProblem(400, "invalid-unsubscribe-token");
            ProblemResponse.of(() -> http.toBlocking().exchange(HttpRequest.GET("/unsubscribe?token=" + token), String.class))
                    .assertProblem(400, "invalid-unsubscribe-token");
        }
        try (TopicReader reader = TopicReader.fromBeginning(Topics.SUBSCRIPTIONS)) {
            assertThat(reader.drain(record -> record.value().contains(victim), Duration.ofSeconds(3))).isEmpty();
        }
    }
}
