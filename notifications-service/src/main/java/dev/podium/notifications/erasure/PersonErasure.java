package dev.podium.notifications.erasure;

import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.events.PersonErased;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.webhook.WebhookErasure;
import dev.podium.persistence.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honours {@link PersonErased}: this service forgets the address everywhere it kept it, in the
 * consumer's transaction.
 * <ul>
 *   <li>the read model: memberships, organiser rows, RSVPs, and the address in stored event snapshots
 *       (agenda speakers);</li>
 *   <li>deliveries not sent yet are dropped; the others keep their status (so a notification's counts
 *       stay true) without the address, name, RSVP link or SMTP reply; a notification that went to
 *       this person alone (an RSVP status, a talk decision, an opt-in link) loses its content;</li>
 *   <li>webhook messages carrying the address (RSVPs, memberships) are deleted with their deliveries;</li>
 *   <li>opt-outs are deleted (coming back takes a new opt-in); a suppression keeps only the address's
 *       SHA-256, so a dead mailbox is still not written to;</li>
 *   <li>outbox messages naming the address ({@code MemberUnsubscribed}) are forgotten
 *       ({@link Outbox#forget}): the published ones now, the others once relayed, since events-service
 *       must still learn of the opt-out.</li>
 * </ul>
 */
@Singleton
public class PersonErasure {

    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final Sql sql;
    private final JsonMapper json;
    private final Outbox outbox;
    private final Clock clock;
    private final WebhookErasure webhooks;

    PersonErasure(Sql sql, JsonMapper json, Outbox outbox, Clock clock, WebhookErasure webhooks) {
        this.sql = sql;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public void on(PodiumMessage message) {
        if (message instanceof PersonErased erased) {
            erase(Recipient.normalise(erased.email()));
        }
    }

    private void erase(String email) {
        sql.update("DELETE FROM group_member WHERE email = ?", email);
        forgetAsImporter(email);
        sql.update("DELETE FROM group_organiser WHERE email = ?", email);
        sql.update("DELETE FROM event_attendee WHERE email = ?", email);
        forgetInSnapshots(email, "known_event", "snapshot");
        forgetInSnapshots(email, "pending_update", "previous");
        forgetDeliveries(email);
        webhooks.forget(email);
        sql.update("DELETE FROM unsubscription WHERE email = ?", email);
        sql.update("UPDATE calendar_reply SET attendee_email = NULL, sender = NULL WHERE attendee_email = ? OR sender = ?", email, email);
        sql.update("UPDATE suppression SET email = NULL, reason = 'erased' WHERE email_sha256 = SHA2(?, 256)", email);
        outbox.forget(email);
    }

    /** An erased organiser's name leaves the members they imported, and the emails not sent to them yet. */
    private void forgetAsImporter(String email) {
        sql.update("""
                UPDATE group_member m JOIN group_organiser o ON o.group_id = m.group_id AND o.name = m.imported_by
                SET m.imported_by = NULL WHERE o.email = ?""", email);
        sql.update("""
                UPDATE delivery d JOIN notification n ON n.id = d.notification_id
                                  JOIN group_organiser o ON o.group_id = n.group_id AND o.name = d.imported_by
                SET d.imported_by = NULL WHERE o.email = ? AND d.status IN ('PENDING', 'SENDING')""", email);
    }

    private void forgetDeliveries(String email) {
        sql.update("""
                UPDATE notification n SET model = '{}'
                WHERE NOT n.bulk
                  AND n.id IN (SELECT d.notification_id FROM delivery d WHERE d.email = ?)
                  AND NOT EXISTS (SELECT 1 FROM delivery o WHERE o.notification_id = n.id AND o.email <> ?)""", email, email);
        sql.update("DELETE FROM delivery WHERE email = ? AND status IN ('PENDING', 'SENDING', 'DEAD')", email);
        sql.update("UPDATE delivery SET email = NULL, name = NULL, manage_url = NULL, last_error = NULL, updated_at = ? WHERE email = ?",
                clock.instant(), email);
    }

    /** Rewrites the JSON documents in {@code table.column} that mention the address, with the address nulled. */
    private void forgetInSnapshots(String email, String table, String column) {
        List<String[]> mentioning = sql.list("SELECT event_id, " + column + " FROM " + table + " WHERE " + column + " LIKE ?",
                row -> new String[] {row.getString(1), row.getString(2)}, "%" + likeLiteral(email) + "%");
        for (String[] row : mentioning) {
            sql.update("UPDATE " + table + " SET " + column + " = ? WHERE event_id = ?", write(withoutAddress(read(row[1]), email)), row[0]);
        }
    }

    private static Object withoutAddress(Object value, String email) {
        if (value instanceof String text) {
            return text.equalsIgnoreCase(email) ? null : text;
        }
        if (value instanceof Map<?, ?> object) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            object.forEach((key, field) -> copy.put(key, withoutAddress(field, email)));
            return copy;
        }
        if (value instanceof List<?> array) {
            List<Object> copy = new ArrayList<>();
            array.forEach(element -> copy.add(withoutAddress(element, email)));
            return copy;
        }
        return value;
    }

    /** The address as a literal inside a LIKE pattern (MySQL's default escape character is the backslash). */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Map<String, Object> read(String document) {
        try {
            return json.readValue(document, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored snapshot no longer reads", e);
        }
    }

    private String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
