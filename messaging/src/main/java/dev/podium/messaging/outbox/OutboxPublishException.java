package dev.podium.messaging.outbox;

/** Kafka did not acknowledge a batch; the rows stay pending and the next poll retries them. */
public class OutboxPublishException extends RuntimeException {

    OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
