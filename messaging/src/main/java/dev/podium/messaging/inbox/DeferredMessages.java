package dev.podium.messaging.inbox;

import dev.podium.contracts.StreamVersion;
import dev.podium.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Messages a consumer has taken from Kafka but cannot act on yet (table {@code deferred_message}):
 * those waiting for a fact their producer had (a stream version this read model has not reached),
 * and those queued behind one of them under the same key, so one key's order holds. Kept in the
 * database, so a crash or a restart loses none; never dropped and never dead-lettered for waiting.
 */
@Singleton
public class DeferredMessages {

    private static final String COLUMNS = "id, consumer, message_key, message_id, topic, kafka_partition, kafka_offset, payload,"
            + " waiting_for, waiting_version, deferred_at, checks, attempts";

    private final Sql sql;
    private final Clock clock;

    DeferredMessages(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A message deferred by a consumer, as a person or a metric sees it; {@code payload} is its envelope. */
    public record Waiting(String consumer, String key, String type, @Nullable StreamVersion waitingFor, Instant deferredAt,
                          String payload) {
    }

    record Row(long id, String consumer, String key, String messageId, String topic, int partition, long offset,
               String payload, @Nullable String waitingFor, long waitingVersion, Instant deferredAt, int checks, int attempts) {

        ConsumerRecord<String, String> asRecord() {
            return new ConsumerRecord<>(topic, partition, offset, key.isEmpty() ? null : key, payload);
        }
    }

    /** True when the consumer holds deferred messages under this key: the next one of the key must queue behind them. */
    boolean anyFor(String consumer, @Nullable String key) {
        return sql.count("SELECT COUNT(*) FROM deferred_message WHERE consumer = ? AND message_key = ? LIMIT 1",
                consumer, keyOf(key)) > 0;
    }

    /** {@code waitingFor} null: queued behind an earlier message of its key. */
    void defer(String consumer, ConsumerRecord<String, String> record, String messageId, @Nullable StreamVersion waitingFor) {
        Instant now = clock.instant();
        sql.update("""
                INSERT INTO deferred_message (consumer, message_key, message_id, topic, kafka_partition, kafka_offset, payload,
                                              waiting_for, waiting_version, deferred_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                consumer, keyOf(record.key()), messageId, record.topic(), record.partition(), record.offset(), record.value(),
                waitingFor == null ? null : waitingFor.stream(), waitingFor == null ? null : waitingFor.version(), now, now);
    }

    /** The first deferred message of each key of these consumers, oldest first. */
    List<Long> heads(Collection<String> consumers, int max) {
        if (consumers.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(consumers);
        parameters.add(max);
        return sql.list("SELECT MIN(id) AS head FROM deferred_message WHERE consumer IN ("
                        + String.join(", ", Collections.nCopies(consumers.size(), "?"))
                        + ") GROUP BY consumer, message_key ORDER BY head LIMIT ?",
                row -> row.getLong(1), parameters.toArray());
    }

    /** Locks the row if it is due and no other replica holds it. */
    Optional<Row> lockIfDue(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM deferred_message WHERE id = ? AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED",
                DeferredMessages::row, id, clock.instant());
    }

    /** The message after {@code row} under the same key, locked, if there is one. */
    Optional<Row> lockNext(Row row) {
        return sql.one("SELECT " + COLUMNS + " FROM deferred_message WHERE consumer = ? AND message_key = ? AND id > ?"
                        + " ORDER BY id LIMIT 1 FOR UPDATE", DeferredMessages::row, row.consumer(), row.key(), row.id());
    }

    void stillWaiting(Row row, StreamVersion waitingFor, Duration backoff) {
        sql.update("UPDATE deferred_message SET waiting_for = ?, waiting_version = ?, checks = checks + 1, next_attempt_at = ?"
                + " WHERE id = ?", waitingFor.stream(), waitingFor.version(), clock.instant().plus(backoff), row.id());
    }

    void failed(Row row, String error, Duration backoff) {
        sql.update("UPDATE deferred_message SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                error.length() > 1000 ? error.substring(0, 1000) : error, clock.instant().plus(backoff), row.id());
    }

    void done(Row row) {
        sql.update("DELETE FROM deferred_message WHERE id = ?", row.id());
    }

    /** What the consumer holds back under {@code key}, oldest first. */
    public List<Waiting> waiting(String consumer, String key) {
        return sql.list("SELECT consumer, message_key, payload, waiting_for, waiting_version, deferred_at FROM deferred_message"
                        + " WHERE consumer = ? AND message_key = ? ORDER BY id",
                DeferredMessages::waiting, consumer, keyOf(key));
    }

    /** How many messages each consumer holds back. */
    public Map<String, Long> countByConsumer() {
        return sql.list("SELECT consumer, COUNT(*) FROM deferred_message GROUP BY consumer",
                row -> Map.entry(row.getString(1), row.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public long countForTopic(String topic) {
        return sql.count("SELECT COUNT(*) FROM deferred_message WHERE topic = ?", topic);
    }

    /** Messages deferred before {@code since} and not reported yet; marks them reported. */
    List<Waiting> newlyOverdue(Instant since) {
        List<Waiting> overdue = sql.list("SELECT consumer, message_key, payload, waiting_for, waiting_version, deferred_at"
                + " FROM deferred_message WHERE NOT warned AND deferred_at < ? ORDER BY id LIMIT 100", DeferredMessages::waiting, since);
        if (!overdue.isEmpty()) {
            sql.update("UPDATE deferred_message SET warned = TRUE WHERE NOT warned AND deferred_at < ?", since);
        }
        return overdue;
    }

    private static Waiting waiting(java.sql.ResultSet row) throws java.sql.SQLException {
        String stream = row.getString("waiting_for");
        return new Waiting(row.getString("consumer"), row.getString("message_key"), typeOf(row.getString("payload")),
                stream == null ? null : new StreamVersion(stream, row.getLong("waiting_version")), Sql.instant(row, "deferred_at"),
                row.getString("payload"));
    }

    private static Row row(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Row(row.getLong("id"), row.getString("consumer"), row.getString("message_key"), row.getString("message_id"),
                row.getString("topic"), row.getInt("kafka_partition"), row.getLong("kafka_offset"), row.getString("payload"),
                row.getString("waiting_for"), row.getLong("waiting_version"), Sql.instant(row, "deferred_at"),
                row.getInt("checks"), row.getInt("attempts"));
    }

    /** The CloudEvents type, read without decoding the whole message (for listings and logs only). */
    private static String typeOf(String payload) {
        int at = payload.indexOf("\"type\":\"");
        if (at < 0) {
            return "unknown";
        }
        int start = at + 8;
        int end = payload.indexOf('"', start);
        return end < 0 ? "unknown" : payload.substring(start, end);
    }

    private static String keyOf(@Nullable String key) {
        return key == null ? "" : key;
    }
}
