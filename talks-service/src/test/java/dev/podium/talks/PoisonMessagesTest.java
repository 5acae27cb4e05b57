package dev.podium.talks;

import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.PersonErased;
import dev.podium.testsupport.PoisonMessages;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A malformed record and a record of an unknown type on each topic talks-service consumes
 * (events-service's groups, events and people) go to that topic's dead-letter topic, and the next
 * message with the same key still takes effect.
 */
@MicronautTest(transactional = false)
class PoisonMessagesTest extends TalksServiceTest {

    @Test
    void groupsTopic() {
        GroupCreated group = TalksFixtures.group("poison-" + UUID.randomUUID().toString().substring(0, 8), "orla@organisers.example.org");
        PoisonMessages.assertDeadLetteredWithoutBlocking(codec, group, () -> catalog.groupBySlug(group.slug()).isPresent());
    }

    @Test
    void eventsTopic() {
        EventSnapshot event = TalksFixtures.event("poison", "Lightning talks", "DRAFT", LocalDateTime.of(2030, 5, 1, 19, 0), "Europe/Paris");
        PoisonMessages.assertDeadLetteredWithoutBlocking(codec, new EventCreated(event), () -> catalog.event(event.eventId()).isPresent());
    }

    @Test
    void peopleTopic() {
        String email = UUID.randomUUID() + "@speakers.example.org";
        TalksFixtures.SpeakerAccount speaker = api.newSpeaker(TalksFixtures.with(TalksFixtures.speaker("Erin Erasable", "Nowhere"), "email", email));
        PoisonMessages.assertDeadLetteredWithoutBlocking(codec, new PersonErased(UUID.randomUUID().toString(), email, Instant.now()),
                () -> "Erased speaker".equals(api.get("/speakers/" + speaker.id()).string("name")));
    }
}
