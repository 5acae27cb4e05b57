package dev.podium.messaging.outbox;

import dev.podium.contracts.Causality;
import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.MessageType;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.TraceContext;
import dev.podium.messaging.causality.StreamVersions;
import dev.podium.messaging.tracing.MessageTracing;
import dev.podium.persistence.Sql;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Records a message for other services in the caller's database transaction. The relay publishes
 * it once the transaction has committed; if the transaction rolls back, the message never existed.
 */
@Singleton
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox (message_id, topic, message_key, type, payload, created_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?)";
    /** Rows per INSERT when many changes are appended at once: about 1 MB of payloads per statement. */
    private static final int INSERT_BATCH = 500;

    /**
     * A payload names the value when it holds it as a whole JSON string, case aside (addresses
     * compare so): {@code "a@b.com"} is not in {@code "xa@b.com"}. Compared byte for byte once both
     * sides are lower-cased, so the column's accent-insensitive collation does not widen the match.
     */
    private static final int DELETE_BATCH = 500;
    static final String NAMES = "INSTR(LOWER(payload) COLLATE utf8mb4_bin, ?) > 0";

    private final JdbcOperations jdbc;
    private final Sql sql;
    private final StreamVersions versions;
    private final MessageCodec codec;
    private final MessageTracing tracing;
    private final Clock clock;
    private final String source;

    Outbox(JdbcOperations jdbc, Sql sql, StreamVersions versions, MessageCodec codec, MessageTracing tracing, Clock clock,
           @Value("/podium/${micronaut.application.name}") String source) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.versions = versions;
        this.codec = codec;
        this.tracing = tracing;
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
        UUID id = UUID.randomUUID();
        insert(List.of(new Row(id, message, causality)), clock.instant(), tracing.current());
        return id;
    }

    /**
     * Records {@code changes}, in this order, as consecutive changes of {@code stream}: what
     * {@link #appendChange} does for each, in one statement for the versions and one per
     * {@value #INSERT_BATCH} rows (an import of thousands of members).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendChanges(List<? extends PodiumMessage> changes, String stream) {
        if (changes.isEmpty()) {
            return;
        }
        long first = versions.advanceBy(stream, changes.size()).version() - changes.size() + 1;
        List<Row> rows = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            rows.add(new Row(UUID.randomUUID(), changes.get(i), Causality.advancing(new StreamVersion(stream, first + i))));
        }
        Instant now = clock.instant();
        TraceContext trace = tracing.current();
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            insert(rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH)), now, trace);
        }
    }

    private void insert(List<Row> rows, Instant now, TraceContext trace) {
        String statementText = INSERT + String.join(", ", Collections.nCopies(rows.size(), ROW));
        jdbc.prepareStatement(statementText, statement -> {
            Timestamp createdAt = Timestamp.from(now);
            int parameter = 1;
            for (Row row : rows) {
                MessageType<?> type = MessageCatalog.byClass(row.message().getClass());
                statement.setString(parameter++, row.id().toString());
                statement.setString(parameter++, type.topic());
                statement.setString(parameter++, row.message().subject());
                statement.setString(parameter++, type.type());
                statement.setString(parameter++, codec.encode(row.message(), source, row.id(), now, row.causality(), trace));
                statement.setTimestamp(parameter++, createdAt);
            }
            return statement.executeUpdate();
        });
    }

    private record Row(UUID id, PodiumMessage message, Causality causality) {
    }

    /**
     * Forgets the messages that name {@code value} (an erased person's address, the id of an erased
     * membership or RSVP) as a whole JSON string: the published ones now, in the caller's
     * transaction; those the relay has not published yet, once it has (other services must still
     * learn what they say), by {@link OutboxSweep}. Call it after appending the caller's own messages
     * that name the value, so that they are swept too. Until then {@code outbox_forget} holds the
     * value, as the waiting rows do.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String value) {
        String needle = jsonString(value).toLowerCase(Locale.ROOT);
        // Found by a plain (non-locking) read, deleted by primary key: a DELETE … WHERE over the payloads would
        // lock every index record and gap it scanned, and deadlock with the relay marking rows published and with
        // other transactions appending, as concurrent RSVP cancellations showed.
        List<Long> published = sql.list("SELECT seq FROM outbox WHERE published_at IS NOT NULL AND " + NAMES,
                row -> row.getLong(1), needle);
        for (int from = 0; from < published.size(); from += DELETE_BATCH) {
            List<Long> batch = published.subList(from, Math.min(published.size(), from + DELETE_BATCH));
            sql.update("DELETE FROM outbox WHERE seq IN (" + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")",
                    batch.toArray());
        }
        long lastWaiting = sql.count("SELECT COALESCE(MAX(seq), 0) FROM outbox WHERE published_at IS NULL AND " + NAMES, needle);
        if (lastWaiting > 0) {
            sql.update("INSERT INTO outbox_forget (needle, until_seq, requested_at) VALUES (?, ?, ?)",
                    needle, lastWaiting, clock.instant());
        }
    }

    /** The value as the codec writes it in a payload: a JSON string literal. */
    static String jsonString(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04X", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
