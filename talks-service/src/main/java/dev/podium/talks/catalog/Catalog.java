package dev.podium.talks.catalog;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventCompleted;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.persistence.Sql;
import dev.podium.talks.support.Times;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local read model of events-service's groups and events. Written only by the Kafka listeners,
 * inside the idempotent consumer's transaction; read by the submission, call-for-papers and
 * archive features.
 */
@Singleton
public class Catalog {

    private static final String EVENT_COLUMNS =
            "id, group_id, group_slug, title, status, starts_at, ends_at, time_zone, starts_at_utc, ends_at_utc";

    private final Sql sql;
    private final Clock clock;

    Catalog(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public Optional<KnownEvent> event(String id) {
        return sql.one("SELECT " + EVENT_COLUMNS + " FROM known_event WHERE id = ?", Catalog::event, id);
    }

    public Optional<KnownGroup> group(String id) {
        return sql.one("SELECT id, slug, name, time_zone FROM known_group WHERE id = ?", Catalog::group, id);
    }

    public Optional<KnownGroup> groupBySlug(String slug) {
        return sql.one("SELECT id, slug, name, time_zone FROM known_group WHERE slug = ?", Catalog::group, slug);
    }

    /** Every group, by name: what the archive's search form offers to filter on. */
    public List<KnownGroup> groups() {
        return sql.list("SELECT id, slug, name, time_zone FROM known_group ORDER BY name, slug", Catalog::group);
    }

    /** The emails of a group's organisers. */
    public List<String> organisersOf(String groupId) {
        return sql.list("SELECT email FROM group_organiser WHERE group_id = ? ORDER BY added_at, email", row -> row.getString(1), groupId);
    }

    /** A group's organisers as events-service named them: sub (null for one added by email only) and email. */
    public List<PersonRef> organiserRefsOf(String groupId) {
        return sql.list("SELECT sub, name, email FROM group_organiser WHERE group_id = ? ORDER BY added_at, email",
                row -> new PersonRef(row.getString("sub"), row.getString("name"), row.getString("email")), groupId);
    }

    /** Applies a message of the events or groups topic; other types on those topics are ignored. */
    public void apply(DecodedMessage message) {
        PodiumMessage data = message.data();
        if (data instanceof EventCreated created) {
            upsert(created.event());
        } else if (data instanceof EventPublished published) {
            upsert(published.event());
        } else if (data instanceof EventUpdated updated) {
            upsert(updated.event());
        } else if (data instanceof EventCancelled cancelled) {
            upsert(cancelled.event());
        } else if (data instanceof EventCompleted completed) {
            upsert(completed.event());
        } else if (data instanceof GroupCreated group) {
            upsertGroup(group);
        } else if (data instanceof OrganiserAdded added) {
            addOrganiser(added.groupId(), added.organiser(), added.addedAt());
        }
    }

    private void upsert(EventSnapshot event) {
        Instant now = Times.now(clock);
        Object[] values = {event.groupId(), event.groupSlug(), event.title(), event.status(), event.startsAt(),
                event.endsAt(), event.timeZone(), event.startsAtUtc(), event.endsAtUtc(), now};
        Object[] parameters = new Object[1 + values.length * 2];
        parameters[0] = event.eventId();
        System.arraycopy(values, 0, parameters, 1, values.length);
        System.arraycopy(values, 0, parameters, 1 + values.length, values.length);
        sql.update("""
                INSERT INTO known_event (id, group_id, group_slug, title, status, starts_at, ends_at, time_zone,
                                         starts_at_utc, ends_at_utc, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE group_id = ?, group_slug = ?, title = ?, status = ?, starts_at = ?, ends_at = ?,
                                        time_zone = ?, starts_at_utc = ?, ends_at_utc = ?, updated_at = ?""", parameters);
    }

    private void upsertGroup(GroupCreated group) {
        Instant now = Times.now(clock);
        sql.update("""
                INSERT INTO known_group (id, slug, name, time_zone, language, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE slug = ?, name = ?, time_zone = ?, language = ?, updated_at = ?""",
                group.groupId(), group.slug(), group.name(), group.timeZone(), group.language(), now,
                group.slug(), group.name(), group.timeZone(), group.language(), now);
        for (PersonRef organiser : group.organisers()) {
            addOrganiser(group.groupId(), organiser, group.createdAt());
        }
    }

    private void addOrganiser(String groupId, PersonRef organiser, Instant addedAt) {
        if (organiser == null || organiser.email() == null) {
            return;
        }
        // A message that does not know the sub (an organiser added by email) never forgets one already known.
        sql.update("""
                INSERT INTO group_organiser (group_id, email, name, sub, added_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE name = ?, sub = COALESCE(?, sub)""",
                groupId, organiser.email().toLowerCase(Locale.ROOT), organiser.name(), organiser.sub(), addedAt,
                organiser.name(), organiser.sub());
    }

    private static KnownEvent event(ResultSet row) throws SQLException {
        return new KnownEvent(row.getString("id"), row.getString("group_id"), row.getString("group_slug"),
                row.getString("title"), row.getString("status"), Sql.localDateTime(row, "starts_at"),
                Sql.localDateTime(row, "ends_at"), row.getString("time_zone"), Sql.instant(row, "starts_at_utc"),
                Sql.instant(row, "ends_at_utc"));
    }

    private static KnownGroup group(ResultSet row) throws SQLException {
        return new KnownGroup(row.getString("id"), row.getString("slug"), row.getString("name"), row.getString("time_zone"));
    }
}
