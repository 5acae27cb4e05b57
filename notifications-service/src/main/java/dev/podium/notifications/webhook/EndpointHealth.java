package dev.podium.notifications.webhook;

import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.GroupInfo;
import dev.podium.notifications.email.EmailLanguage;
import dev.podium.notifications.email.EmailMessages;
import dev.podium.notifications.notification.NewNotification;
import dev.podium.notifications.notification.NotificationKind;
import dev.podium.notifications.notification.Notifications;
import dev.podium.persistence.ConflictRetry;
import dev.podium.persistence.Sql;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an endpoint works: a success clears its failure clock; a failure starts it, and once every
 * attempt has failed for {@code podium.webhooks.disable-after} the endpoint is disabled and its group's
 * organisers are emailed through the email channel, in one transaction. The UPDATE that disables it
 * decides who sends that email: whichever sender's UPDATE changed the row, once.
 */
@Singleton
class EndpointHealth {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointHealth.class);

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final WebhookSettings settings;
    private final Audience audience;
    private final Notifications notifications;

    EndpointHealth(Sql sql, TransactionOperations<Connection> transactions, Clock clock, WebhookSettings settings,
                   Audience audience, Notifications notifications) {
        this.sql = sql;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.audience = audience;
        this.notifications = notifications;
    }

    void succeeded(String endpointId) {
        sql.update("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL", endpointId);
    }

    void failed(String endpointId, String reason) {
        ConflictRetry.retried(() -> transactions.executeWrite(status -> {
            Instant now = clock.instant();
            sql.update("UPDATE webhook_endpoint SET failing_since = COALESCE(failing_since, ?) WHERE id = ?", now, endpointId);
            int disabled = sql.update("""
                    UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = ?, updated_at = ?
                    WHERE id = ? AND enabled AND failing_since <= ?""",
                    trim("failing since the first failure for longer than " + settings.getDisableAfter() + "; last: " + reason),
                    now, endpointId, now.minus(settings.getDisableAfter()));
            if (disabled == 1) {
                tellOrganisers(endpointId, reason, now);
            }
            return null;
        }));
    }

    private void tellOrganisers(String endpointId, String reason, Instant now) {
        Optional<String[]> endpoint = sql.one("SELECT group_id, url FROM webhook_endpoint WHERE id = ?",
                row -> new String[] {row.getString(1), row.getString(2)}, endpointId);
        if (endpoint.isEmpty()) {
            return;
        }
        String groupId = endpoint.get()[0];
        Optional<GroupInfo> group = audience.group(groupId);
        String language = EmailLanguage.of(group.map(GroupInfo::language).orElse("en"));
        String groupName = group.map(GroupInfo::name).orElse(groupId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("groupName", groupName);
        model.put("url", endpoint.get()[1]);
        model.put("reason", reason);
        notifications.record(new NewNotification(NotificationKind.WEBHOOK_DISABLED,
                "webhook-disabled:" + endpointId + ":" + now.toEpochMilli(), null, groupId, language,
                EmailMessages.text(EmailLanguage.locale(language), "subject.webhook-disabled", groupName), model, null),
                audience.organisers(groupId));
        LOG.warn("Webhook endpoint {} of group {} disabled after failing for {}", endpointId, groupId, settings.getDisableAfter());
    }

    private static String trim(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
