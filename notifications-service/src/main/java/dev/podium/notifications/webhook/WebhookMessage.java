package dev.podium.notifications.webhook;

import io.micronaut.core.annotation.Nullable;

/**
 * A webhook message as stored: its id is the {@code webhook-id} header (the same on every attempt and
 * redelivery, so receivers can deduplicate), its body the JSON signed and sent as it is.
 */
record WebhookMessage(String id, String groupId, String type, String body, @Nullable String traceparent) {
}
