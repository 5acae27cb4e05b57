package dev.podium.events.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkWithdrawn;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.events.talks.AcceptedTalkRepository;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AgendaTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    AcceptedTalkRepository acceptedTalks;

    EventsApi api;

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec);
    }

    @Test
    void holdsAFiveDaySummerSchoolWithKeynotesAndPracticalsInTwoTracks() {
        EventView school = summerSchool();

        AgendaView agenda = put(school.id(), List.of(
                slot("2029-07-02T09:00", "2029-07-02T10:30", "KEYNOTE", "Deep learning: past, present, and future", "lectures", "Grand amphi"),
                slot("2029-07-02T10:30", "2029-07-02T11:00", "BREAK", "Coffee", "lectures", "Hall"),
                slot("2029-07-02T11:00", "2029-07-02T12:30", "TALK", "Visual search and instance-level recognition", "lectures", "Grand amphi"),
                slot("2029-07-02T14:00", "2029-07-02T17:30", "PRACTICAL", "Image retrieval", "practicals", "Salle F107"),
                slot("2029-07-02T14:00", "2029-07-02T15:30", "TALK", "Learning with limited supervision", "lectures", "Grand amphi"),
                slot("2029-07-04T14:00", "2029-07-04T17:30", "PRACTICAL", "Reinforcement Learning by Criteo", "practicals", "Salle F107"),
                slot("2029-07-05T14:00", "2029-07-05T17:30", "PRACTICAL", "PyTorch Practical Session by FAIR", "practicals", "Salle F107"),
                slot("2029-07-06T18:00", "2029-07-06T20:00", "SOCIAL", "Farewell drinks", null, "Terrasse")));

        assertThat(agenda.timeZone()).isEqualTo("Europe/Paris");
        assertThat(agenda.slots()).hasSize(8);
        assertThat(agenda.slots().stream().map(AgendaView.Slot::day).distinct())
                .containsExactly(LocalDate.parse("2029-07-02"), LocalDate.parse("2029-07-04"), LocalDate.parse("2029-07-05"),
                        LocalDate.parse("2029-07-06"));
        assertThat(agenda.slots().get(0).startsAt()).hasToString("2029-07-02T09:00");
        assertThat(client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET("/events/" + school.id() + "/agenda")), AgendaView.class)).isEqualTo(agenda);

        Map<String, Object> keynote = slot("2029-07-02T09:15", "2029-07-02T10:30", "KEYNOTE", "Deep learning: past, present, and future", "lectures", "Grand amphi");
        keynote.put("id", agenda.slots().get(0).id());
        AgendaView edited = put(school.id(), List.of(keynote, slot("2029-07-03T09:00", "2029-07-03T10:00", "TALK", "New talk", null, null)));
        assertThat(edited.slots().get(0).id()).as("a slot named by id keeps its identity").isEqualTo(agenda.slots().get(0).id());
        assertThat(edited.slots().get(0).startsAt()).hasToString("2029-07-02T09:15");
        assertThat(edited.slots().get(1).id()).isNotIn(agenda.slots().stream().map(AgendaView.Slot::id).toList());

        EventUpdated update = api.messages(Topics.EVENTS, EventUpdated.class, school.id(), 2).get(0);
        assertThat(update.changes()).containsExactly(ChangeKind.AGENDA);
        assertThat(update.previous().agenda()).isEmpty();
        assertThat(update.event().agenda()).hasSize(8);
        assertThat(update.event().sequence()).as("an agenda change does not move the calendar entry").isEqualTo(school.sequence());
    }

    @Test
    void refusesAgendasThatBreakTheRules() {
        EventView school = summerSchool();
        put(school.id(), List.of(slot("2029-07-02T09:00", "2029-07-02T10:00", "KEYNOTE", "Opening", null, null)));

        ProblemResponse.of(() -> put(school.id(), List.of(
                slot("2029-07-02T09:00", "2029-07-02T10:30", "KEYNOTE", "A", "lectures", null),
                slot("2029-07-02T10:00", "2029-07-02T11:00", "TALK", "B", "lectures", null)))).assertProblem(422, "slot-overlap");
        ProblemResponse.of(() -> put(school.id(), List.of(
                slot("2029-07-01T09:00", "2029-07-01T10:00", "TALK", "Before the school", null, null)))).assertProblem(422, "slot-outside-event");
        ProblemResponse.of(() -> put(school.id(), List.of(
                slot("2029-07-02T10:00", "2029-07-02T09:00", "TALK", "Backwards", null, null)))).assertProblem(422, "slot-ends-before-start");
        Map<String, Object> unknownTalk = slot("2029-07-02T09:00", "2029-07-02T10:00", "TALK", "Who?", null, null);
        unknownTalk.put("talkId", UUID.randomUUID().toString());
        // A talk events-service has not heard of cannot be told from one accepted a moment ago (issue 14).
        ProblemResponse.of(() -> put(school.id(), List.of(unknownTalk))).assertProblem(409, "not-yet-known");
        ProblemResponse.of(() -> put(school.id(), List.of(
                slot("2029-07-02T09:00", "2029-07-02T10:00", "DANCE", "Not a kind", null, null)))).assertStatus(400);
        ProblemResponse.of(() -> put("no-such-event", List.of())).assertProblem(404, "not-found");

        String group = api.createGroup(EventsApi.unique("tba"), "Asia/Singapore").slug();
        EventView tba = api.draft(group, Map.of("title", "Lightning talks, date TBA"));
        ProblemResponse.of(() -> put(tba.id(), List.of())).assertProblem(422, "event-needs-date");

        assertThat(client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET("/events/" + school.id() + "/agenda")), AgendaView.class).slots())
                .as("a refused agenda leaves the previous one").extracting(AgendaView.Slot::title).containsExactly("Opening");
    }

    @Test
    void movingTheEventTakesItsAgendaAlongAndAShorterEventMustNotLeaveSlotsOutside() {
        EventView meetup = api.draft(api.createGroup(EventsApi.unique("moved"), "Europe/Paris").slug(),
                Map.of("title", "Deep Learning Meetup #13", "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00"));
        put(meetup.id(), List.of(
                slot("2029-03-07T19:00", "2029-03-07T19:40", "TALK", "Generalization in Deep networks", null, null),
                slot("2029-03-07T21:00", "2029-03-07T22:00", "SOCIAL", "Pizzas", null, null)));

        api.patch(meetup.id(), Map.of("startsAt", "2029-03-07T20:00:00", "endsAt", "2029-03-07T23:00:00"));

        AgendaView moved = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET("/events/" + meetup.id() + "/agenda")), AgendaView.class);
        assertThat(moved.slots()).extracting(slot -> slot.startsAt().toString()).containsExactly("2029-03-07T20:00", "2029-03-07T22:00");
        EventUpdated update = api.messages(Topics.EVENTS, EventUpdated.class, meetup.id(), 2).get(1);
        assertThat(update.event().agenda()).extracting(slot -> slot.startsAt().toString())
                .as("the update announces the talks at their new times").containsExactly("2029-03-07T20:00", "2029-03-07T22:00");
        assertThat(update.previous().agenda()).extracting(slot -> slot.startsAt().toString()).containsExactly("2029-03-07T19:00", "2029-03-07T21:00");

        ProblemResponse.of(() -> api.patch(meetup.id(), Map.of("endsAt", "2029-03-07T22:30:00")))
                .assertProblem(422, "slot-outside-event");
        assertThat(api.get(meetup.id()).endsAt()).as("a refused change changes nothing").hasToString("2029-03-07T23:00");
    }

    @Test
    void placesAnAcceptedTalkWithItsSpeakersFromTalksService() throws Exception {
        EventView meetup = api.draft(api.createGroup(EventsApi.unique("dl13"), "Europe/Paris").slug(),
                Map.of("title", "Deep Learning Meetup #13", "number", 13, "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00"));
        TalkSnapshot talk = new TalkSnapshot(UUID.randomUUID().toString(), meetup.id(), null,
                "Differentiable Dynamic Programming for Structured Prediction and Attention",
                "Dynamic programming (DP) solves a variety of structured combinatorial problems by iteratively breaking them down into smaller subproblems.",
                "TALK", 40, "en", null, List.of("deep-learning"),
                List.of(new SpeakerRef(UUID.randomUUID().toString(), null, "Arthur Mensch", "arthur@example.org", "PhD Candidate at INRIA Parietal")),
                "ACCEPTED");
        publish(new TalkAccepted(talk, "Great fit", Instant.parse("2029-01-20T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> acceptedTalks.existsById(talk.submissionId()));

        Map<String, Object> placed = slot("2029-03-07T19:40", "2029-03-07T20:20", "TALK", talk.title(), null, null);
        placed.put("talkId", talk.submissionId());
        AgendaView agenda = put(meetup.id(), List.of(placed));

        assertThat(agenda.slots().get(0).speakers()).containsExactly(new AgendaView.Speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        EventUpdated update = api.message(Topics.EVENTS, EventUpdated.class, meetup.id());
        assertThat(update.event().agenda().get(0).abstractText()).startsWith("Dynamic programming (DP)");
        assertThat(update.event().agenda().get(0).speakers().get(0).affiliation()).isEqualTo("PhD Candidate at INRIA Parietal");

        publish(new TalkWithdrawn(talk, Instant.parse("2029-01-21T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !acceptedTalks.existsById(talk.submissionId()));
        // Withdrawn talks leave the read model: from here, one looks like a talk not heard of yet.
        ProblemResponse.of(() -> put(meetup.id(), List.of(placed))).assertProblem(409, "not-yet-known");
    }

    private void publish(dev.podium.contracts.PodiumMessage message) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBMISSIONS, message.subject(),
                    codec.encode(message, "/podium/talks-service", UUID.randomUUID(), Instant.now()))).get();
        }
    }

    private EventView summerSchool() {
        String group = api.createGroup(EventsApi.unique("paiss"), "Europe/Paris").slug();
        return api.draft(group, Map.of("title", "PAISS — PRAIRIE Artificial Intelligence Summer School",
                "description", "5-day summer school held at Inria Grenoble, co-organized by Inria/Univ. Grenoble Alpes and NAVER LABS Europe",
                "startsAt", "2029-07-02T09:00:00", "endsAt", "2029-07-06T20:00:00"));
    }

    private AgendaView put(String eventId, List<Map<String, Object>> slots) {
        return client.toBlocking().retrieve(api.asOrganiser(HttpRequest.PUT("/events/" + eventId + "/agenda", Map.of("slots", slots))), AgendaView.class);
    }

    private static Map<String, Object> slot(String start, String end, String kind, String title, String track, String room) {
        Map<String, Object> slot = new HashMap<>();
        slot.put("startsAt", start);
        slot.put("endsAt", end);
        slot.put("kind", kind);
        slot.put("title", title);
        if (track != null) {
            slot.put("track", track);
        }
        if (room != null) {
            slot.put("room", room);
        }
        return slot;
    }
}
