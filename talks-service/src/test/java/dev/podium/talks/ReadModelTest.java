package dev.podium.talks;

import static dev.podium.talks.Fixtures.cfp;
import static dev.podium.talks.Fixtures.speaker;
import static dev.podium.talks.Fixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.contracts.events.PersonErased;
import dev.podium.devissuer.Identity;
import dev.podium.persistence.Sql;
import dev.podium.talks.catalog.Catalog;
import dev.podium.talks.catalog.KnownEvent;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read model of events-service's groups and events, and erasures, fed through Kafka: each
 * message acts once even when delivered twice (the idempotent consumer).
 */
@MicronautTest(transactional = false)
class ReadModelTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    MessageCodec codec;
    @Inject
    Catalog catalog;
    @Inject
    Sql sql;

    Api api;

    @BeforeAll
    void setUp() {
        api = new Api(http, json);
    }

    @Test
    void aRedeliveredEventMessageActsOnce() {
        EventSnapshot v1 = Fixtures.event("read-model", "Deep Learning Meetup #13", "DRAFT", LocalDateTime.of(2030, 3, 7, 19, 0), "Europe/Paris");
        EventSnapshot v2 = renamed(v1, "Deep Learning Meetup #13 — research night", "PUBLISHED");
        EventSnapshot marker = Fixtures.event("read-model", "Marker", "DRAFT", LocalDateTime.of(2030, 4, 4, 19, 0), "Europe/Paris");
        UUID created = UUID.randomUUID();

        // All on one partition, so the marker is consumed after the redelivery.
        Fixtures.publish(codec, new EventCreated(v1), created, 0);
        Fixtures.publish(codec, new EventCreated(v1), created, 0);
        Fixtures.publish(codec, new EventUpdated(v2, v1, List.of(ChangeKind.DETAILS), Instant.now()), UUID.randomUUID(), 0);
        Fixtures.publish(codec, new EventCreated(v1), created, 0);
        Fixtures.publish(codec, new EventCreated(marker), UUID.randomUUID(), 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.event(marker.eventId()).isPresent());

        KnownEvent known = catalog.event(v1.eventId()).orElseThrow();
        assertThat(known.title()).isEqualTo("Deep Learning Meetup #13 — research night");
        assertThat(known.status()).isEqualTo("PUBLISHED");
        assertThat(known.groupSlug()).isEqualTo("read-model");
        assertThat(known.startsAt()).isEqualTo(LocalDateTime.of(2030, 3, 7, 19, 0));
        assertThat(known.startsAtUtc()).isEqualTo(Instant.parse("2030-03-07T18:00:00Z"));
        assertThat(known.timeZone()).isEqualTo("Europe/Paris");
        assertThat(sql.count("SELECT COUNT(*) FROM known_event WHERE id = ?", v1.eventId())).isEqualTo(1);
        assertThat(sql.count("SELECT COUNT(*) FROM processed_message WHERE consumer = 'talks.events' AND message_id = ?",
                created.toString())).isEqualTo(1);
    }

    @Test
    void aRedeliveredGroupMessageActsOnce() {
        String slug = "group-" + UUID.randomUUID().toString().substring(0, 8);
        GroupCreated group = Fixtures.group(slug, "alice@organisers.example.org", "bob@organisers.example.org");
        GroupCreated marker = Fixtures.group(slug + "-marker", "carol@organisers.example.org");
        UUID created = UUID.randomUUID();
        UUID added = UUID.randomUUID();
        OrganiserAdded dave = new OrganiserAdded(group.groupId(), slug, new PersonRef(null, "Dave", "dave@organisers.example.org"), Instant.now());

        Fixtures.publish(codec, group, created, 0);
        Fixtures.publish(codec, group, created, 0);
        Fixtures.publish(codec, dave, added, 0);
        Fixtures.publish(codec, dave, added, 0);
        Fixtures.publish(codec, marker, UUID.randomUUID(), 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.groupBySlug(marker.slug()).isPresent());

        assertThat(catalog.groupBySlug(slug).orElseThrow().id()).isEqualTo(group.groupId());
        assertThat(catalog.organisersOf(group.groupId()))
                .containsExactly("alice@organisers.example.org", "bob@organisers.example.org", "dave@organisers.example.org");
        assertThat(sql.count("SELECT COUNT(*) FROM known_group WHERE slug = ?", slug)).isEqualTo(1);
        assertThat(sql.count("SELECT COUNT(*) FROM processed_message WHERE consumer = 'talks.groups' AND message_id IN (?, ?)",
                created.toString(), added.toString())).isEqualTo(2);
    }

    @Test
    void anErasedPersonLeavesNoPersonalDataBehind() {
        EventSnapshot event = Fixtures.knownEvent(codec, catalog,
                Fixtures.event("read-model", "Erasure meetup", "PUBLISHED", LocalDateTime.of(2030, 5, 5, 19, 0), "Europe/Paris"));
        Identity alice = Fixtures.organiser("alice@organisers.example.org");
        Fixtures.knownGroup(codec, catalog, Fixtures.group("read-model", alice));
        Instant now = Instant.now();
        api.as(alice).put("/events/" + event.eventId() + "/cfp", cfp(now.minusSeconds(60), now.plus(Duration.ofDays(1)))).isOk(200);
        // An underscore, which a LIKE pattern would take for any character: the look-alike keeps its messages.
        String mailbox = UUID.randomUUID() + "@speakers.example.org";
        String email = "erin_" + mailbox;
        Fixtures.SpeakerAccount erin = api.newSpeaker(Fixtures.with(speaker("Erin Erasable", "Université de Nulle Part"), "email", email));
        String speakerId = erin.id();
        String talk = api.as(erin.identity()).post("/submissions", submission(speakerId, event.eventId(), "A talk", "An abstract."))
                .isOk(201).string("id");
        Fixtures.SpeakerAccount lookalike = api.newSpeaker(Fixtures.with(speaker("Erin Lookalike", "Elsewhere"), "email", "erinx" + mailbox));
        String otherTalk = api.as(lookalike.identity())
                .post("/submissions", submission(lookalike.id(), event.eventId(), "Another talk", "An abstract.")).isOk(201).string("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> sql.count(
                "SELECT COUNT(*) FROM outbox WHERE message_key IN (?, ?) AND published_at IS NULL", talk, otherTalk) == 0);

        Fixtures.publish(codec, new PersonErased(UUID.randomUUID().toString(), email, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> !"Erin Erasable".equals(api.get("/speakers/" + speakerId).string("name")));

        Api.Response erased = api.get("/speakers/" + speakerId);
        assertThat(erased.string("name")).isEqualTo("Erased speaker");
        assertThat(erased.body()).doesNotContainKeys("email", "affiliation", "bio");
        assertThat(api.as(alice).get("/submissions/" + talk).list("speakers").get(0)).containsEntry("name", "Erased speaker")
                .doesNotContainKey("email");
        // The profile no longer belongs to the erased account either.
        assertThat(sql.count("SELECT COUNT(*) FROM speaker WHERE id = ? AND owner_sub IS NULL", speakerId)).isEqualTo(1);
        api.as(erin.identity()).get("/submissions/" + talk).isProblem(404, "not-found");
        api.as(erin.identity()).patch("/speakers/" + speakerId, Map.of("name", "Erin again")).isProblem(403, "forbidden");
        assertThat(sql.count("SELECT COUNT(*) FROM submission WHERE id = ? AND speakers_text LIKE '%Erin%'", talk)).isZero();
        // The messages already sent about Erin's talk leave the outbox now, not at the end of its retention.
        assertThat(sql.count("SELECT COUNT(*) FROM outbox WHERE INSTR(payload, ?) > 0", email)).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM outbox WHERE message_key = ?", otherTalk)).isEqualTo(1);
    }

    private static EventSnapshot renamed(EventSnapshot e, String title, String status) {
        return new EventSnapshot(e.eventId(), e.groupId(), e.groupSlug(), e.groupName(), e.language(), e.number(), title,
                e.description(), status, e.startsAt(), e.endsAt(), e.timeZone(), e.startsAtUtc(), e.endsAtUtc(), e.venue(),
                e.capacity(), e.sequence() + 1, e.url(), e.agenda());
    }
}
