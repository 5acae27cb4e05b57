package dev.podium.notifications.audience;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.persistence.Sql;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The latest snapshot of every event heard of on the events topic, and whether it was announced
 * ({@link KnownEvent} rows). A snapshot is stored with an upsert on Sql, which keeps {@code announced};
 * the rest goes through the repository.
 */
@Singleton
public class KnownEvents {

    private final Sql sql;
    private final KnownEventRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    KnownEvents(Sql sql, KnownEventRepository repository, JsonMapper json, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    public void remember(EventSnapshot event) {
        sql.update("""
                INSERT INTO known_event (event_id, group_id, status, snapshot, updated_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE group_id = VALUES(group_id), status = VALUES(status), snapshot = VALUES(snapshot),
                                        updated_at = VALUES(updated_at)""",
                event.eventId(), event.groupId(), event.status(), write(event), clock.instant());
    }

    public Optional<EventSnapshot> find(String eventId) {
        return repository.findSnapshotByEventId(eventId).map(this::read);
    }

    public void markAnnounced(String eventId) {
        repository.update(eventId, true);
    }

    public boolean wasAnnounced(String eventId) {
        return repository.existsByEventIdAndAnnounced(eventId, true);
    }

    public String write(EventSnapshot event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EventSnapshot read(String snapshot) {
        try {
            return json.readValue(snapshot, EventSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event snapshot no longer reads", e);
        }
    }
}
