package dev.podium.messaging.outbox;

/** An outbox row waiting to be published. */
record OutboxRow(long seq, String messageId, String topic, String key, String type, String payload) {
}
