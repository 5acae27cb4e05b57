package dev.podium.notifications.audience;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.events.LeaveReason;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.MembershipSource;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.persistence.Sql;
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

    public void apply(DecodedMessage decoded) {
        PodiumMessage message = decoded.data();
        StreamVersion change = decoded.envelope().causality().advances();
        Long version = change == null ? null : change.version();
        if (message instanceof GroupCreated group) {
            group(group);
        } else if (message instanceof OrganiserAdded added) {
            organiser(added.groupId(), added.organiser());
        } else if (message instanceof MemberJoined joined) {
            joined(joined, version);
        } else if (message instanceof MemberConfirmed confirmed) {
            sql.update("UPDATE group_member SET confirmed = TRUE, confirmed_version = COALESCE(confirmed_version, ?)"
                    + " WHERE group_id = ? AND email = ?", version, confirmed.groupId(), Recipient.normalise(confirmed.email()));
        } else if (message instanceof MemberLeft left) {
            left(left, version);
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

    /** A join after leaving starts the membership again: a new opt-in, from this version on. */
    private void joined(MemberJoined joined, Long version) {
        sql.update("""
                INSERT INTO group_member (group_id, email, member_id, name, confirmed, joined_at, joined_version, confirmed_version,
                                          imported_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE
                    confirmed_version = IF(left_version IS NULL, COALESCE(confirmed_version, VALUES(confirmed_version)),
                                           VALUES(confirmed_version)),
                    confirmed = IF(left_version IS NULL, confirmed OR VALUES(confirmed), VALUES(confirmed)),
                    joined_version = IF(left_version IS NULL, joined_version, VALUES(joined_version)),
                    joined_at = IF(left_version IS NULL, joined_at, VALUES(joined_at)),
                    imported_by = IF(left_version IS NULL, COALESCE(imported_by, VALUES(imported_by)), VALUES(imported_by)),
                    member_id = VALUES(member_id), name = VALUES(name), left_version = NULL""",
                joined.groupId(), Recipient.normalise(joined.email()), joined.memberId(), joined.name(),
                joined.confirmed(), joined.joinedAt(), version, joined.confirmed() ? version : null,
                joined.source() == MembershipSource.IMPORTED ? joined.addedBy() : null);
    }

    /**
     * A member who left is kept, nameless, with the version they left at, so that a message written
     * before they left still reaches them; one removed by an organiser or erased goes at once, as
     * does one whose message carries no version (written before versions existed).
     */
    private void left(MemberLeft left, Long version) {
        String email = Recipient.normalise(left.email());
        if (version == null || left.reason() == LeaveReason.REMOVED || left.reason() == LeaveReason.ERASED) {
            sql.update("DELETE FROM group_member WHERE group_id = ? AND email = ?", left.groupId(), email);
        } else {
            sql.update("UPDATE group_member SET left_version = ?, name = NULL WHERE group_id = ? AND email = ?",
                    version, left.groupId(), email);
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
