package dev.podium.messaging.outbox;

import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.MessageType;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a message for other services in the caller's database transaction. The relay publishes
 * it once the transaction has committed; if the transaction rolls back, the message never existed.
 */
@Singleton
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (message_id, topic, message_key, type, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;
    private final MessageCodec codec;
    private final Clock clock;
    private final String source;

    Outbox(JdbcOperations jdbc, MessageCodec codec, Clock clock,
           @Value("/podium/${micronaut.application.name}") String source) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
        this.source = source;
    }

    /** Must run inside the business transaction whose change the message announces. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(PodiumMessage message) {
        MessageType<?> type = MessageCatalog.byClass(message.getClass());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String payload = codec.encode(message, source, id, now);
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setString(1, id.toString());
            statement.setString(2, type.topic());
            statement.setString(3, message.subject());
            statement.setString(4, type.type());
            statement.setString(5, payload);
            statement.setTimestamp(6, Timestamp.from(now));
            return statement.executeUpdate();
        });
        return id;
    }
}
