package dev.podium.events.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, events-service's side: a talk accepted a moment ago on talks-service reaches the
 * accepted-talk read model through Kafka a little later. An organiser placing it in the agenda in the
 * meantime waits briefly ({@code podium.read-models.wait}, 2 s by default) and, if the talk is still
 * unknown, is answered 409 not-yet-known with Retry-After (it used to be 422 unknown-talk at once).
 * The tests wait only for HTTP answers, never for the read model.
 */
@MicronautTest(transactional = false)
class TalkNotYetKnownTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;

    EventsApi api;
    EventView meetup;

    @BeforeAll
    void setUp() {
        api = new EventsApi(client.toBlocking(), codec);
        meetup = api.draft(api.createGroup(EventsApi.unique("nyk"), "Europe/Paris").slug(),
                Map.of("title", "Deep Learning Meetup #13", "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00"));
        // As a client would: retry placing a first talk until events-service answers (its consumer may be starting).
        TalkSnapshot first = talk("Opening talk");
        TopicWriter.publish(codec, new TalkAccepted(first, "Welcome", Instant.parse("2029-01-20T10:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(() -> place(first)) == 200);
    }

    @Test
    void aTalkPlacedRightAfterItWasAcceptedIsPlaced() {
        TalkSnapshot talk = talk("Differentiable Dynamic Programming for Structured Prediction and Attention");
        TopicWriter.publish(codec, new TalkAccepted(talk, "Great fit", Instant.parse("2029-01-20T10:00:00Z")));

        AgendaView agenda = place(talk);

        assertThat(agenda.slots().get(0).talkId()).isEqualTo(talk.submissionId());
        assertThat(agenda.slots().get(0).speakers()).containsExactly(new AgendaView.Speaker("Arthur Mensch", "INRIA"));
    }

    @Test
    void aTalkNotHeardOfYetIsAnswered409NotYetKnownWithRetryAfterThenTheRetrySucceeds() {
        TalkSnapshot talk = talk("Learning with limited supervision");

        HttpClientResponseException refused = catchRefusal(() -> place(talk));
        assertThat(refused.getResponse().getHeaders().get("Retry-After")).isEqualTo("2");
        ProblemResponse problem = ProblemResponse.of(() -> place(talk)).assertProblem(409, "not-yet-known");
        assertThat((String) problem.body().get("detail"))
                .contains("events-service has not heard of talk " + talk.submissionId() + " from talks-service yet")
                .contains("accepted a moment ago, retry in 2 s")
                .contains("check the talk id, and that the talk is accepted");

        TopicWriter.publish(codec, new TalkAccepted(talk, "Great fit", Instant.parse("2029-01-20T10:00:00Z")));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> status(() -> place(talk)) == 200);
        assertThat(client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET("/events/" + meetup.id() + "/agenda")), AgendaView.class)
                .slots().get(0).talkId()).isEqualTo(talk.submissionId());
    }

    private TalkSnapshot talk(String title) {
        return new TalkSnapshot(UUID.randomUUID().toString(), meetup.id(), null, title, "An abstract.", "TALK", 40, "en", null,
                List.of("deep-learning"), List.of(new SpeakerRef(UUID.randomUUID().toString(), null, "Arthur Mensch",
                        "arthur@example.org", "INRIA")), "ACCEPTED");
    }

    private AgendaView place(TalkSnapshot talk) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("startsAt", "2029-03-07T19:40");
        slot.put("endsAt", "2029-03-07T20:20");
        slot.put("kind", "TALK");
        slot.put("title", talk.title());
        slot.put("talkId", talk.submissionId());
        return client.toBlocking().retrieve(api.asOrganiser(HttpRequest.PUT("/events/" + meetup.id() + "/agenda",
                Map.of("slots", List.of(slot)))), AgendaView.class);
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static HttpClientResponseException catchRefusal(Runnable call) {
        try {
            call.run();
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected a refusal, the call succeeded");
    }
}
