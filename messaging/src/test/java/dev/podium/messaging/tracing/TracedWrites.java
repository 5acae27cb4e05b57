package dev.podium.messaging.tracing;

import dev.podium.messaging.Samples;
import dev.podium.messaging.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;

/** A change as services write them: a @Transactional method that appends its message to the outbox. */
@Singleton
class TracedWrites {

    private final Outbox outbox;

    TracedWrites(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public UUID erase(String email) {
        return outbox.append(Samples.personErased(email));
    }
}
