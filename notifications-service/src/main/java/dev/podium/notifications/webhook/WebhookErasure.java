package dev.podium.notifications.webhook;

import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;

/**
 * An erased person's address leaves the webhook messages that carry it (an RSVP, a membership): the
 * messages go with their deliveries, sent or not, as the email deliveries not sent yet do. What a
 * receiver already got is the organisers' to erase.
 */
@Singleton
public class WebhookErasure {

    private final Sql sql;

    WebhookErasure(Sql sql) {
        this.sql = sql;
    }

    public void forget(String email) {
        String literal = email.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        sql.update("DELETE FROM webhook_message WHERE body LIKE ?", "%\"email\":\"" + literal + "\"%");
    }
}
