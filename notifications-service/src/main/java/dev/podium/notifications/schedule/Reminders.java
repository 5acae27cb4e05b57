package dev.podium.notifications.schedule;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.notifications.notification.NotificationSettings;
import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The reminder of each published event, as a row: due {@code reminder-before} its start, moved when
 * the event moves, deleted when it is cancelled. Rows survive restarts and are taken by one replica
 * ({@code FOR UPDATE SKIP LOCKED}). Rows are {@link Reminder}s; the upsert and the claim of due rows
 * are Sql, the deletion its repository's.
 */
@Singleton
public class Reminders {

    private final Sql sql;
    private final ReminderRepository repository;
    private final NotificationSettings settings;
    private final Clock clock;

    Reminders(Sql sql, ReminderRepository repository, NotificationSettings settings, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** Schedules (or moves) the event's reminder; an event without a date or already started has none. */
    public void schedule(EventSnapshot event) {
        Instant startsAt = event.startsAtUtc();
        if (startsAt == null || !startsAt.isAfter(clock.instant())) {
            cancel(event.eventId());
            return;
        }
        sql.update("""
                INSERT INTO reminder (event_id, starts_at_utc, due_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE starts_at_utc = VALUES(starts_at_utc), due_at = VALUES(due_at)""",
                event.eventId(), startsAt, startsAt.minus(settings.getReminderBefore()));
    }

    public void cancel(String eventId) {
        repository.deleteByEventId(eventId);
    }

    /** Locks and returns the due reminders; the caller sends and {@link #done}s them in the same transaction. */
    public List<Reminder> lockDue(int max) {
        return sql.list("SELECT event_id, starts_at_utc, due_at FROM reminder WHERE due_at <= ? ORDER BY due_at LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED",
                row -> new Reminder(row.getString(1), Sql.instant(row, "starts_at_utc"), Sql.instant(row, "due_at")),
                clock.instant(), max);
    }

    public void done(String eventId) {
        cancel(eventId);
    }
}
