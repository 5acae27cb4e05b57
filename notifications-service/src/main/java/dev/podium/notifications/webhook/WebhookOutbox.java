package dev.podium.notifications.webhook;

import dev.podium.messaging.tracing.MessageTracing;
import dev.podium.notifications.notification.DeliveriesRecorded;
import dev.podium.persistence.Sql;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a webhook message and its deliveries, one per enabled endpoint of the group that subscribed
 * to its type, in the caller's transaction: the consumer's that recorded the fact, so a message is
 * recorded exactly when the fact is, and sent from the queue afterwards, never from the listener.
 */
@Singleton
class WebhookOutbox {

    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<DeliveriesRecorded> recorded;
    private final MessageTracing tracing;

    WebhookOutbox(Sql sql, JsonMapper json, Clock clock, ApplicationEventPublisher<DeliveriesRecorded> recorded,
                  MessageTracing tracing) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
        this.recorded = recorded;
        this.tracing = tracing;
    }

    /**
     * @param factId       the Kafka message's id: the webhook id derives from it, so a fact is one message per type
     * @param orderingKey  the aggregate whose messages each endpoint receives in order
     */
    void record(String factId, String groupId, WebhookType type, String orderingKey, Instant occurredAt, Object data) {
        List<String> endpoints = sql.list("SELECT id, types FROM webhook_endpoint WHERE group_id = ? AND enabled ORDER BY id",
                        row -> EndpointTypes.includes(row.getString(2), type) ? row.getString(1) : null, groupId)
                .stream().filter(id -> id != null).toList();
        if (endpoints.isEmpty()) {
            return;
        }
        String id = "msg_" + UUID.nameUUIDFromBytes((factId + "/" + type.wireName()).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
        store(id, groupId, type.wireName(), orderingKey, occurredAt, data, endpoints);
    }

    /** A ping to one endpoint, whatever it subscribed to; each ping is a message of its own. */
    String ping(String groupId, String endpointId) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        store(id, groupId, WebhookType.PING, "ping:" + id, clock.instant(), new WebhookPayloads.PingData(endpointId),
                List.of(endpointId));
        return id;
    }

    Optional<WebhookMessage> find(String id) {
        return sql.one("SELECT id, group_id, type, body, traceparent FROM webhook_message WHERE id = ?",
                row -> new WebhookMessage(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)), id);
    }

    private void store(String id, String groupId, String type, String orderingKey, Instant occurredAt, Object data,
                       List<String> endpoints) {
        Instant now = clock.instant();
        String body;
        try {
            body = json.writeValueAsString(new WebhookPayloads.Body(type, occurredAt, data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql.update("""
                INSERT INTO webhook_message (id, group_id, type, ordering_key, body, created_at, traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, groupId, type, orderingKey, body, now, tracing.current().traceparent());
        for (String endpoint : endpoints) {
            sql.update("""
                    INSERT INTO webhook_delivery (message_id, endpoint_id, ordering_key, status, attempts, next_attempt_at, updated_at)
                    VALUES (?, ?, ?, 'PENDING', 0, ?, ?)""", id, endpoint, orderingKey, now, now);
        }
        recorded.publishEvent(new DeliveriesRecorded(id));
    }
}
