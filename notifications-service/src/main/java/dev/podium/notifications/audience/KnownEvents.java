package dev.podium.notifications.audience;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.persistence.Sql;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/** The latest snapshot of every event heard of on the events topic, and whether it was announced. */
@Singleton
public class KnownEvents {

    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;

    KnownEvents(Sql sql, JsonMapper json, Clock clock) {
        this.sql = sql;
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
        return sql.one("SELECT snapshot FROM known_event WHERE event_id = ?", row -> read(row.getString(1)), eventId);
    }

    public void markAnnounced(String eventId) {
        sql.update("UPDATE known_event SET announced = TRUE WHERE event_id = ?", eventId);
    }

    public boolean wasAnnounced(String eventId) {
        return sql.count("SELECT COUNT(*) FROM known_event WHERE event_id = ? AND announced", eventId) > 0;
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
