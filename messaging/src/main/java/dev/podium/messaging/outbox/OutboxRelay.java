package dev.podium.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import dev.podium.messaging.PodiumProducer;
import dev.podium.messaging.tracing.MessageTracing;
import dev.podium.persistence.DatabaseUnreachable;
import dev.podium.persistence.Sql;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox rows to Kafka, in order, and marks them sent.
 *
 * <p>Every replica polls, but only the one holding the relay lock row ({@code FOR UPDATE SKIP
 * LOCKED}) publishes, so one aggregate's messages keep their order across replicas. The rows are
 * marked sent in the same transaction only after Kafka acknowledged them: a crash in between
 * publishes them again (at-least-once; consumers drop duplicates by message id).
 *
 * <p>An attempt that gave up waiting for Kafka's acknowledgements (the broker is away) leaves its
 * records with the producer, which never drops them; the relay sends nothing more until Kafka has
 * settled them, so a later copy of a row cannot overtake an earlier one and the producer does not
 * fill up with copies during an outage.
 */
@Singleton
@Requires(property = "podium.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** A plain read outside any transaction: one statement per idle poll instead of a transaction of five. */
    private static final String ANY_PENDING = "SELECT 1 FROM outbox WHERE published_at IS NULL LIMIT 1";
    private static final String LOCK = "SELECT name FROM outbox_relay_lock WHERE name = 'relay' FOR UPDATE SKIP LOCKED";
    private static final String PENDING = """
            SELECT seq, message_id, topic, message_key, type, payload FROM outbox
            WHERE published_at IS NULL ORDER BY seq LIMIT ?""";

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final Sql sql;
    private final PodiumProducer producer;
    private final MessageTracing tracing;
    private final Clock clock;
    private final int batchSize;
    private final Duration acknowledgementTimeout;
    private final Counter published;
    private volatile List<Future<RecordMetadata>> unsettled = List.of();

    OutboxRelay(TransactionOperations<Connection> transactions, JdbcOperations jdbc, Sql sql,
                PodiumProducer producer, MessageTracing tracing, Clock clock, MeterRegistry meters,
                @Value("${podium.outbox.batch-size:500}") int batchSize,
                @Value("${podium.outbox.acknowledgement-timeout:30s}") Duration acknowledgementTimeout) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.sql = sql;
        this.producer = producer;
        this.tracing = tracing;
        this.clock = clock;
        this.batchSize = batchSize;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.published = meters.counter("podium.outbox.published");
    }

    @Scheduled(fixedDelay = "${podium.outbox.poll-interval:100ms}", initialDelay = "1s")
    void poll() {
        try {
            int relayed;
            do {
                relayed = relayBatch();
            } while (relayed == batchSize);
        } catch (OutboxPublishException e) {
            LOG.warn("Outbox relay could not publish, will retry: {} ({})", e.getMessage(), String.valueOf(e.getCause()));
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.is(e)) {
                throw e;
            }
            // The rows wait in the database, which is what is missing: they go out once it is back.
            LOG.warn("Outbox relay cannot reach the database, will retry: {}", e.getMessage());
        }
    }

    /**
     * Publishes up to one batch; returns how many rows were published (0 if none waits, if another replica
     * holds the lock, or if Kafka has not yet settled the records of an attempt that gave up waiting).
     */
    public int relayBatch() {
        if (unsettled.stream().anyMatch(acknowledgement -> !acknowledgement.isDone())) {
            return 0;
        }
        unsettled = List.of();
        if (sql.one(ANY_PENDING, row -> true).isEmpty()) {
            return 0;
        }
        return transactions.executeWrite(status -> {
            if (!acquireLock()) {
                return 0;
            }
            List<OutboxRow> rows = pending();
            if (rows.isEmpty()) {
                return 0;
            }
            publish(rows);
            markPublished(rows);
            published.increment(rows.size());
            return rows.size();
        });
    }

    private boolean acquireLock() {
        return jdbc.prepareStatement(LOCK, statement -> {
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        });
    }

    private List<OutboxRow> pending() {
        return jdbc.prepareStatement(PENDING, statement -> {
            statement.setInt(1, batchSize);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6)));
                }
            }
            return rows;
        });
    }

    private void publish(List<OutboxRow> rows) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(rows.size());
        List<Span> sends = new ArrayList<>(rows.size());
        try {
            for (OutboxRow row : rows) {
                Span send = tracing.relaying(row.topic(), row.messageId(), MessageTracing.inPayload(row.payload()));
                sends.add(send);
                Future<RecordMetadata> acknowledgement = producer.send(toRecord(row));
                if (acknowledgement.isDone()) {
                    // Refused at once (no metadata for its topic within max.block.ms while the broker
                    // is away, a record too large…): stop here. Sending the rows after it would let
                    // them overtake it on their partition when the batch is retried, and each row
                    // without metadata would hold this transaction for another max.block.ms.
                    acknowledgement.get();
                }
                acknowledgements.add(acknowledgement);
            }
            long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            sends.forEach(Span::end);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            unsettled = acknowledgements;
            failed(sends, e);
            throw new OutboxPublishException(rows.size() + " messages not acknowledged by Kafka", e);
        } catch (InterruptedException e) {
            unsettled = acknowledgements;
            failed(sends, e);
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("interrupted while publishing", e);
        }
    }

    private static void failed(List<Span> sends, Exception failure) {
        for (Span send : sends) {
            send.recordException(failure).setStatus(StatusCode.ERROR).end();
        }
    }

    private static ProducerRecord<String, String> toRecord(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers()
                .add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", row.messageId().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", row.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void markPublished(List<OutboxRow> rows) {
        String sql = "UPDATE outbox SET published_at = ? WHERE seq IN ("
                + String.join(",", Collections.nCopies(rows.size(), "?")) + ")";
        jdbc.prepareStatement(sql, statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            for (int i = 0; i < rows.size(); i++) {
                statement.setLong(i + 2, rows.get(i).seq());
            }
            return statement.executeUpdate();
        });
    }
}
