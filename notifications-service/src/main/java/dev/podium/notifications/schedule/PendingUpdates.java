package dev.podium.notifications.schedule;

import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.notifications.audience.KnownEvents;
import dev.podium.notifications.notification.NotificationSettings;
import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Changes to an event waiting to go out as one update email. The first change of a window records
 * the event as it was before it; later changes within the window only move the event's current
 * snapshot, so the email compares before-the-first with after-the-last change. Rows are
 * {@link PendingUpdate}s; opening a window and claiming due ones are Sql, discarding its repository's.
 */
@Singleton
public class PendingUpdates {

    /** What attendees and speakers are told about; a new description or capacity does not warrant an email. */
    static final Set<ChangeKind> WORTH_TELLING = EnumSet.of(ChangeKind.TIME, ChangeKind.VENUE, ChangeKind.AGENDA);

    private final Sql sql;
    private final PendingUpdateRepository repository;
    private final KnownEvents events;
    private final NotificationSettings settings;
    private final Clock clock;

    PendingUpdates(Sql sql, PendingUpdateRepository repository, KnownEvents events, NotificationSettings settings, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public void collect(EventUpdated updated) {
        if (updated.changes().stream().noneMatch(WORTH_TELLING::contains)) {
            return;
        }
        sql.update("INSERT IGNORE INTO pending_update (event_id, trigger_id, previous, send_after) VALUES (?, ?, ?, ?)",
                updated.event().eventId(), UUID.randomUUID().toString(), events.write(updated.previous()),
                updated.updatedAt().plus(settings.getUpdateWindow()));
    }

    public void discard(String eventId) {
        repository.deleteByEventId(eventId);
    }

    /** Locks and returns the updates whose window closed; the caller sends and discards them in the same transaction. */
    public List<PendingUpdate> lockDue(int max) {
        return sql.list("SELECT event_id, trigger_id, previous, send_after FROM pending_update WHERE send_after <= ? "
                        + "ORDER BY send_after LIMIT ? FOR UPDATE SKIP LOCKED",
                row -> new PendingUpdate(row.getString(1), row.getString(2), row.getString(3), Sql.instant(row, "send_after")),
                clock.instant(), max);
    }
}
