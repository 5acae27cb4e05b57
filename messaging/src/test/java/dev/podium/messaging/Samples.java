package dev.podium.messaging;

import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.PersonErased;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Small messages for exercising the outbox and the inbox. */
public final class Samples {

    private Samples() {
    }

    public static GroupCreated groupCreated(String groupId) {
        return new GroupCreated(groupId, "paris-deep-learning-" + groupId.substring(0, 8), "Paris Deep Learning",
                "Réunions mensuelles autour du deep learning 🤖", "Europe/Paris", "fr",
                List.of(new PersonRef(null, "Organisatrice", "orga-" + groupId + "@example.org")),
                Instant.parse("2027-01-10T09:00:00Z"));
    }

    public static PersonErased personErased(String email) {
        return new PersonErased(UUID.randomUUID().toString(), email, Instant.parse("2027-01-10T09:00:00Z"));
    }
}
