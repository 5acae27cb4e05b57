package dev.podium.messaging.outbox;

import dev.podium.contracts.Causality;
import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.MessageType;
import dev.podium.contracts.PodiumMessage;
import dev.podium.messaging.causality.StreamVersions;
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
    private final StreamVersions versions;
    private final MessageCodec codec;
    private final Clock clock;
    private final String source;

    Outbox(JdbcOperations jdbc, StreamVersions versions, MessageCodec codec, Clock clock,
           @Value("/podium/${micronaut.application.name}") String source) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.codec = codec;
        this.clock = clock;
        this.source = source;
    }

    /** Must run inside the business transaction whose change the message announces. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(PodiumMessage message) {
        return append(message, Causality.NONE);
    }

    /**
     * Records a message that is one more change of {@code stream} ({@link dev.podium.contracts.Streams}):
     * raises the stream's version and carries it, so consumers know how far their read model of it has got.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID appendChange(PodiumMessage message, String stream) {
        return append(message, Causality.advancing(versions.advance(stream)));
    }

    /**
     * The same, for a message that is a change of a stream or that depends on other streams' facts
     * (see {@link dev.podium.messaging.causality.StreamVersions}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(PodiumMessage message, Causality causality) {
        MessageType<?> type = MessageCatalog.byClass(message.getClass());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String payload = codec.encode(message, source, id, now, causality);
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
