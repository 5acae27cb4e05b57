package dev.podium.talks.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.devissuer.Identity;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read model of events-service's groups and events, fed through Kafka: each message acts once
 * even when delivered twice (the idempotent consumer); the organisers it keeps decide who organises
 * a group, by sub or, for one added by email, by that verified email.
 */
@MicronautTest(transactional = false)
class ReadModelTest extends TalksServiceTest {

    static final Identity ORLA = TalksFixtures.person("Orla Organiser", "orla@organisers.example.org");

    @Test
    void aRedeliveredEventMessageActsOnce() {
        EventSnapshot v1 = TalksFixtures.event("read-model", "Deep Learning Meetup #13", "DRAFT", LocalDateTime.of(2030, 3, 7, 19, 0), "Europe/Paris");
        EventSnapshot v2 = renamed(v1, "Deep Learning Meetup #13 — research night", "PUBLISHED");
        EventSnapshot marker = TalksFixtures.event("read-model", "Marker", "DRAFT", LocalDateTime.of(2030, 4, 4, 19, 0), "Europe/Paris");
        UUID created = UUID.randomUUID();

        // All on one partition, so the marker is consumed after the redelivery.
        TalksFixtures.publish(codec, new EventCreated(v1), created, 0);
        TalksFixtures.publish(codec, new EventCreated(v1), created, 0);
        TalksFixtures.publish(codec, new EventUpdated(v2, v1, List.of(ChangeKind.DETAILS), Instant.now()), UUID.randomUUID(), 0);
        TalksFixtures.publish(codec, new EventCreated(v1), created, 0);
        TalksFixtures.publish(codec, new EventCreated(marker), UUID.randomUUID(), 0);
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
        GroupCreated group = TalksFixtures.group(slug, "alice@organisers.example.org", "bob@organisers.example.org");
        GroupCreated marker = TalksFixtures.group(slug + "-marker", "carol@organisers.example.org");
        UUID created = UUID.randomUUID();
        UUID added = UUID.randomUUID();
        OrganiserAdded dave = new OrganiserAdded(group.groupId(), slug, new PersonRef(null, "Dave", "dave@organisers.example.org"), Instant.now());

        TalksFixtures.publish(codec, group, created, 0);
        TalksFixtures.publish(codec, group, created, 0);
        TalksFixtures.publish(codec, dave, added, 0);
        TalksFixtures.publish(codec, dave, added, 0);
        TalksFixtures.publish(codec, marker, UUID.randomUUID(), 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.groupBySlug(marker.slug()).isPresent());

        assertThat(catalog.groupBySlug(slug).orElseThrow().id()).isEqualTo(group.groupId());
        assertThat(catalog.organisersOf(group.groupId()))
                .containsExactly("alice@organisers.example.org", "bob@organisers.example.org", "dave@organisers.example.org");
        assertThat(sql.count("SELECT COUNT(*) FROM known_group WHERE slug = ?", slug)).isEqualTo(1);
        assertThat(sql.count("SELECT COUNT(*) FROM processed_message WHERE consumer = 'talks.groups' AND message_id IN (?, ?)",
                created.toString(), added.toString())).isEqualTo(2);
    }

    @Test
    void aCoOrganiserAddedByEmailActsOnceSignedInWithThatEmail() {
        String slug = "co-organisers-" + UUID.randomUUID().toString().substring(0, 8);
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group(slug, ORLA));
        EventSnapshot event = TalksFixtures.knownEvent(codec, catalog,
                TalksFixtures.event(slug, "Deep Learning Meetup #13", "PUBLISHED", LocalDateTime.of(2030, 3, 7, 19, 0), "Europe/Paris"));
        Identity dana = TalksFixtures.person("Dana", "dana-" + UUID.randomUUID() + "@organisers.example.org");
        String board = "/events/" + event.eventId() + "/submissions";
        api.as(dana).get(board).isProblem(403, "forbidden");

        // events-service knew Dana by email only; a later message without a sub keeps the sub known for Orla.
        String groupId = TalksFixtures.groupId(slug);
        TalksFixtures.publish(codec, new OrganiserAdded(groupId, slug, new PersonRef(null, "Orla", ORLA.email()), Instant.now()));
        TalksFixtures.publish(codec, new OrganiserAdded(groupId, slug, new PersonRef(null, "Dana", dana.email()), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.organisersOf(groupId).contains(dana.email()));

        api.as(dana).get(board).isOk(200);
        api.as(ORLA).get(board).isOk(200);
        assertThat(sql.count("SELECT COUNT(*) FROM group_organiser WHERE group_id = ? AND email = ? AND sub = ?",
                groupId, ORLA.email(), ORLA.sub())).isEqualTo(1);
        api.as(TalksFixtures.person("Dana", "not-dana-" + UUID.randomUUID() + "@organisers.example.org")).get(board)
                .isProblem(403, "forbidden");
    }

    private static EventSnapshot renamed(EventSnapshot e, String title, String status) {
        return new EventSnapshot(e.eventId(), e.groupId(), e.groupSlug(), e.groupName(), e.language(), e.number(), title,
                e.description(), status, e.startsAt(), e.endsAt(), e.timeZone(), e.startsAtUtc(), e.endsAtUtc(), e.venue(),
                e.capacity(), e.sequence() + 1, e.url(), e.agenda());
    }
}
