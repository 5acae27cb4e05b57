package dev.podium.talks.erasure;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.events.PersonErased;
import dev.podium.talks.speaker.SpeakerProfileChanged;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.persistence.Sql;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Forgets a person who asked to be erased: their speaker profile keeps its talks (accepted talks
 * stay in the archive) but loses every personal field and its link to their account (owner_sub), and
 * their email and sub disappear from invitations, reviews, decisions and the organisers of the read model.
 * Outbox messages naming the email (talk snapshots, invitations) are forgotten ({@link Outbox#forget}):
 * the published ones now rather than at the end of the outbox retention, the others once relayed, so
 * nothing others rely on is lost.
 */
@Singleton
class PersonErasure {

    static final String ERASED_NAME = "Erased speaker";

    private final Sql sql;
    private final ApplicationEventPublisher<SpeakerProfileChanged> changes;
    private final Outbox outbox;

    PersonErasure(Sql sql, ApplicationEventPublisher<SpeakerProfileChanged> changes, Outbox outbox) {
        this.sql = sql;
        this.outbox = outbox;
        this.changes = changes;
    }

    void apply(DecodedMessage message) {
        if (!(message.data() instanceof PersonErased erased) || erased.email() == null || erased.email().isBlank()) {
            return;
        }
        String email = erased.email().strip();
        String erasedMarker = "erased:" + erased.erasureId();
        List<String> speakerIds = sql.list("SELECT id FROM speaker WHERE email = ?", row -> row.getString(1), email);
        sql.update("""
                UPDATE speaker SET name = ?, owner_sub = NULL, email = NULL, affiliation = NULL, position_title = NULL, bio = NULL,
                                   site_url = NULL, github_url = NULL, slides_url = NULL, updated_at = ?
                WHERE email = ?""", ERASED_NAME, erased.erasedAt(), email);
        speakerIds.forEach(id -> changes.publishEvent(new SpeakerProfileChanged(id)));
        sql.update("UPDATE invitation SET email = NULL WHERE email = ?", email);
        sql.update("UPDATE review SET reviewer = ?, reviewer_sub = NULL WHERE reviewer = ?", erasedMarker, email);
        sql.update("UPDATE submission SET decided_by = ?, decided_by_sub = NULL WHERE decided_by = ?", erasedMarker, email);
        sql.update("DELETE FROM group_organiser WHERE email = ?", email);
        outbox.forget(email);
    }
}
