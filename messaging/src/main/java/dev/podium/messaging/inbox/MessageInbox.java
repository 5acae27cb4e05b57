package dev.podium.messaging.inbox;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.UnreadableMessageException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The idempotent consumer: records {@code (consumer, message id)} in the same transaction as the
 * message's effect, so a message delivered twice (redelivery, rebalance, relay retry) acts once.
 * Unreadable records go straight to the topic's dead-letter topic; a handler that keeps failing is
 * retried by the listener's error strategy, then dead-lettered by {@link DeadLetterExceptionHandler} (or,
 * when the database cannot be reached, kept and delivered again: see {@link KeptBackRecords}).
 */
@Singleton
public class MessageInbox {

    private static final String MARK_PROCESSED =
            "INSERT IGNORE INTO processed_message (consumer, message_id, processed_at) VALUES (?, ?, ?)";

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final MessageCodec codec;
    private final DeadLetters deadLetters;
    private final KeptBackRecords keptBack;
    private final Clock clock;

    MessageInbox(TransactionOperations<Connection> transactions, JdbcOperations jdbc, MessageCodec codec,
                 DeadLetters deadLetters, KeptBackRecords keptBack, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.keptBack = keptBack;
        this.clock = clock;
    }

    /**
     * Returns true if the message took effect now, false if it was a duplicate, unreadable, or comes
     * after a record kept back in its batch (it will be delivered again, after that one).
     */
    public boolean receive(String consumer, ConsumerRecord<String, String> record, MessageHandler handler) {
        if (keptBack.passOver(record)) {
            return false;
        }
        DecodedMessage message;
        try {
            message = codec.decode(record.value());
        } catch (UnreadableMessageException e) {
            deadLetters.send(record, consumer, e);
            return false;
        }
        return transactions.executeWrite(status -> {
            if (!markProcessed(consumer, message.envelope().id())) {
                return false;
            }
            handler.handle(message);
            return true;
        });
    }

    private boolean markProcessed(String consumer, String messageId) {
        return jdbc.prepareStatement(MARK_PROCESSED, statement -> {
            statement.setString(1, consumer);
            statement.setString(2, messageId);
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            return statement.executeUpdate() == 1;
        });
    }
}
