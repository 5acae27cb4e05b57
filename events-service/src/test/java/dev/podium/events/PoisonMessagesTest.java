package dev.podium.events;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.events.group.GroupView;
import dev.podium.events.group.ImportReport;
import dev.podium.events.talks.AcceptedTalkRepository;
import dev.podium.testsupport.PoisonMessages;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A malformed record and a record of an unknown type on each topic events-service consumes
 * (talks-service's submissions, notifications-service's opt-outs) go to that topic's dead-letter
 * topic, and the next message with the same key still takes effect.
 */
@MicronautTest(transactional = false)
class PoisonMessagesTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MessageCodec codec;

    @Inject
    AcceptedTalkRepository acceptedTalks;

    @Test
    void submissionsTopic() {
        TalkSnapshot talk = new TalkSnapshot(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null,
                "Generalization in Deep networks", "Why deep learning models work so well (when they work).", "TALK", 30, "en",
                null, List.of(), List.of(new SpeakerRef("spk", null, "Olivier Grisel", "olivier@example.org", "INRIA")), "ACCEPTED");
        PoisonMessages.assertDeadLetteredWithoutBlocking(codec, new TalkAccepted(talk, "A perfect fit", Instant.now()),
                () -> acceptedTalks.existsById(talk.submissionId()));
    }

    @Test
    void subscriptionsTopic() {
        EventsApi api = new EventsApi(http.toBlocking(), codec);
        GroupView group = api.createGroup(EventsApi.unique("poison"), "Europe/Paris");
        String leaving = "leaving-" + UUID.randomUUID() + "@example.org";
        http.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups/" + group.slug() + "/members/import",
                "Leaving Soon," + leaving).contentType("text/csv")), ImportReport.class);
        PoisonMessages.assertDeadLetteredWithoutBlocking(codec,
                new MemberUnsubscribed(UUID.randomUUID().toString(), group.id(), leaving, Instant.now()),
                () -> http.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers() == 0);
    }
}
