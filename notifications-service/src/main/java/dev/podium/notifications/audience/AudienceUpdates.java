package dev.podium.notifications.audience;

import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.messaging.sql.Sql;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the recipient read model from events-service's group and registration messages (erasures:
 * {@code PersonErasure}).
 * Runs inside the idempotent consumer's transaction, so a redelivered message changes nothing twice.
 */
@Singleton
public class AudienceUpdates {

    private final Sql sql;
    private final Clock clock;

    AudienceUpdates(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public void apply(PodiumMessage message) {
        if (message instanceof GroupCreated group) {
            group(group);
        } else if (message instanceof OrganiserAdded added) {
            organiser(added.groupId(), added.organiser());
        } else if (message instanceof MemberJoined joined) {
            sql.update("""
                    INSERT INTO group_member (group_id, email, member_id, name, confirmed, joined_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE member_id = VALUES(member_id), name = VALUES(name),
                                            confirmed = confirmed OR VALUES(confirmed)""",
                    joined.groupId(), Recipient.normalise(joined.email()), joined.memberId(), joined.name(),
                    joined.confirmed(), joined.joinedAt());
        } else if (message instanceof MemberConfirmed confirmed) {
            sql.update("UPDATE group_member SET confirmed = TRUE WHERE group_id = ? AND email = ?",
                    confirmed.groupId(), Recipient.normalise(confirmed.email()));
        } else if (message instanceof MemberLeft left) {
            sql.update("DELETE FROM group_member WHERE group_id = ? AND email = ?",
                    left.groupId(), Recipient.normalise(left.email()));
        } else if (message instanceof RegistrationConfirmed r) {
            attendee(r.registration());
        } else if (message instanceof RegistrationWaitlisted r) {
            attendee(r.registration());
        } else if (message instanceof RegistrationPromoted r) {
            attendee(r.registration());
        } else if (message instanceof RegistrationCancelled r) {
            attendee(r.registration());
        }
    }

    private void group(GroupCreated group) {
        sql.update("""
                INSERT INTO audience_group (group_id, slug, name, language, time_zone, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE slug = VALUES(slug), name = VALUES(name), language = VALUES(language),
                                        time_zone = VALUES(time_zone), updated_at = VALUES(updated_at)""",
                group.groupId(), group.slug(), group.name(), group.language(), group.timeZone(), now());
        group.organisers().forEach(organiser -> organiser(group.groupId(), organiser));
    }

    private void organiser(String groupId, PersonRef organiser) {
        if (organiser == null || organiser.email() == null || organiser.email().isBlank()) {
            return;
        }
        sql.update("""
                INSERT INTO group_organiser (group_id, email, name, sub) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), sub = COALESCE(VALUES(sub), sub)""",
                groupId, Recipient.normalise(organiser.email()), organiser.name(), organiser.sub());
    }

    /** Messages of one registration arrive in order (its id is the key), so the last one wins. */
    private void attendee(RegistrationSnapshot registration) {
        sql.update("""
                INSERT INTO event_attendee (registration_id, event_id, email, name, status, manage_url, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE email = VALUES(email), name = VALUES(name), status = VALUES(status),
                                        manage_url = VALUES(manage_url), updated_at = VALUES(updated_at)""",
                registration.registrationId(), registration.eventId(),
                Recipient.normalise(registration.attendee().email()), registration.attendee().name(),
                registration.status(), registration.manageUrl(), now());
    }

    private Instant now() {
        return clock.instant();
    }
}
