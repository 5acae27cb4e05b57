package dev.podium.notifications.notification;

import dev.podium.messaging.tracing.MessageTracing;
import dev.podium.notifications.audience.Recipient;
import dev.podium.persistence.Sql;
import io.micronaut.json.JsonMapper;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records notifications and their deliveries, in the caller's transaction (the Kafka consumer's or
 * a scheduled job's). Sending happens later, driven from the delivery rows. Both are written with
 * {@link Sql}: the notification with {@code INSERT IGNORE} (its trigger key makes it once-only without
 * failing the transaction of a redelivered message), its deliveries as multi-row inserts.
 */
@Singleton
public class Notifications {

    private static final int ROWS_PER_INSERT = 500;

    private final Sql sql;
    private final NotificationRepository repository;
    private final JsonMapper json;
    private final ApplicationEventPublisher<DeliveriesRecorded> recorded;
    private final MessageTracing tracing;
    private final Clock clock;

    Notifications(Sql sql, NotificationRepository repository, JsonMapper json, ApplicationEventPublisher<DeliveriesRecorded> recorded,
                  MessageTracing tracing, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.json = json;
        this.recorded = recorded;
        this.tracing = tracing;
        this.clock = clock;
    }

    /**
     * Records the notification and one delivery per distinct recipient, unless its trigger key was
     * recorded before. The first recipient listed for an address wins (attendees before members, so
     * their RSVP link is kept).
     *
     * @return the new notification's id, or empty if this trigger was already handled
     */
    public Optional<String> record(NewNotification notification, Collection<Recipient> recipients) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int inserted = sql.update("""
                INSERT IGNORE INTO notification (id, trigger_key, kind, event_id, group_id, language, subject, model, bulk,
                                                 calendar, created_at, traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, notification.triggerKey(), notification.kind(), notification.eventId(), notification.groupId(),
                notification.language(), notification.subject(), write(notification.model()), notification.kind().bulk(),
                notification.calendar(), now, tracing.current().traceparent());
        if (inserted == 0) {
            return Optional.empty();
        }
        Map<String, Recipient> distinct = new LinkedHashMap<>();
        recipients.forEach(recipient -> distinct.putIfAbsent(recipient.email(), recipient));
        List<Recipient> all = new ArrayList<>(distinct.values());
        for (int from = 0; from < all.size(); from += ROWS_PER_INSERT) {
            insertDeliveries(id, all.subList(from, Math.min(all.size(), from + ROWS_PER_INSERT)), now);
        }
        if (!all.isEmpty()) {
            recorded.publishEvent(new DeliveriesRecorded(id));
        }
        return Optional.of(id);
    }

    public boolean exists(String triggerKey) {
        return repository.existsByTriggerKey(triggerKey);
    }

    private void insertDeliveries(String notificationId, List<Recipient> recipients, Instant now) {
        if (recipients.isEmpty()) {
            return;
        }
        StringBuilder statement = new StringBuilder("""
                INSERT IGNORE INTO delivery (notification_id, email, name, manage_url, imported_by, participation, status,
                                             attempts, next_attempt_at, updated_at)
                VALUES """);
        List<Object> parameters = new ArrayList<>(recipients.size() * 8);
        for (int i = 0; i < recipients.size(); i++) {
            Recipient recipient = recipients.get(i);
            statement.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)");
            parameters.add(notificationId);
            parameters.add(recipient.email());
            parameters.add(recipient.name());
            parameters.add(recipient.manageUrl());
            parameters.add(recipient.importedBy());
            parameters.add(recipient.participation());
            parameters.add(now);
            parameters.add(now);
        }
        sql.update(statement.toString(), parameters.toArray());
    }

    private String write(Map<String, Object> model) {
        try {
            return json.writeValueAsString(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
