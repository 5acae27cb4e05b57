package dev.podium.messaging.inbox;

import dev.podium.contracts.Causality;
import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.TraceContext;
import dev.podium.contracts.UnreadableMessageException;
import dev.podium.messaging.causality.Watermarks;
import dev.podium.messaging.tracing.MessageTracing;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The idempotent consumer: records {@code (consumer, message id)} in the same transaction as the
 * message's effect, so a message delivered twice (redelivery, rebalance, relay retry) acts once.
 * Unreadable records go straight to the topic's dead-letter topic; a handler that keeps failing is
 * retried by the listener's error strategy, then dead-lettered by {@link DeadLetterExceptionHandler} (or,
 * when the database cannot be reached, kept and delivered again: see {@link KeptBackRecords}).
 *
 * <p>Causal order across topics: a message that names facts its producer had ({@link Causality#after()})
 * is acted on only once this service's read model has reached them ({@link Watermarks}); until then it
 * is deferred ({@link DeferredMessages}), and so is every later message of its key. {@link DeferredRetry}
 * acts on them when the facts arrive. A message that changes a stream raises the stream's watermark in
 * the transaction that applies it.
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
    private final DeferredMessages deferred;
    private final Watermarks watermarks;
    private final ConsumerFreshness freshness;
    private final MessageTracing tracing;
    private final Clock clock;
    private final PollReceiver polls;
    private final Map<String, InboxConsumer> consumers = new ConcurrentHashMap<>();

    MessageInbox(TransactionOperations<Connection> transactions, JdbcOperations jdbc, MessageCodec codec,
                 DeadLetters deadLetters, KeptBackRecords keptBack, DeferredMessages deferred, Watermarks watermarks,
                 ConsumerFreshness freshness, MessageTracing tracing, Clock clock, FailedRecords failed) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.keptBack = keptBack;
        this.deferred = deferred;
        this.watermarks = watermarks;
        this.freshness = freshness;
        this.tracing = tracing;
        this.clock = clock;
        this.polls = new PollReceiver(this, deadLetters, failed, keptBack);
    }

    /**
     * Declares a consumer of {@code topic}: listeners call this when they are created, so that the
     * messages it deferred are acted on after a restart even before its topic brings anything new.
     *
     * @param factsFrom the topics whose facts this consumer's effects read (the group's members for an
     *                  announcement): a message naming versions of their streams waits until this
     *                  service has applied them. The service must consume those topics too.
     */
    public InboxConsumer consumer(String name, String topic, MessageHandler handler, String... factsFrom) {
        InboxConsumer consumer = new InboxConsumer(name, topic, handler, Set.of(factsFrom), this);
        if (consumers.putIfAbsent(name, consumer) != null) {
            throw new IllegalStateException("Two consumers are named " + name);
        }
        freshness.track(name, topic);
        return consumer;
    }

    Set<String> declaredNames() {
        return Set.copyOf(consumers.keySet());
    }

    /** The consumer declared under that name in this application, if any. */
    public Optional<InboxConsumer> declared(String name) {
        return Optional.ofNullable(consumers.get(name));
    }

    /**
     * Returns true if the message took effect now, false if it was a duplicate, unreadable, deferred,
     * or comes after a record kept back in its batch (it will be delivered again, after that one).
     */
    boolean receive(InboxConsumer consumer, ConsumerRecord<String, String> record) {
        if (keptBack.passOver(record)) {
            return false;
        }
        Reading reading = read(record);
        if (reading.unreadable() != null) {
            deadLetters.send(record, consumer.name(), reading.unreadable());
            return false;
        }
        freshness.received(consumer.name(), record);
        return traced(consumer, reading.message(), () -> transactions.executeWrite(status -> actOn(consumer, reading, new QueuedKeys(consumer.name(), deferred))));
    }

    /** See {@link InboxConsumer#receiveAll}. */
    void receiveAll(InboxConsumer consumer, List<ConsumerRecord<String, String>> poll, Consumer<?, ?> kafka) {
        polls.receiveAll(consumer, poll, kafka);
    }

    /**
     * Applies the readable records, in their order, in one transaction; returns the unreadable ones, for
     * the caller to dead-letter once that transaction has committed. If this throws, none took effect.
     */
    List<Reading> receiveTogether(InboxConsumer consumer, List<ConsumerRecord<String, String>> records) {
        List<Reading> readable = new ArrayList<>(records.size());
        List<Reading> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Reading reading = read(record);
            if (reading.unreadable() == null) {
                freshness.received(consumer.name(), record);
                readable.add(reading);
            } else {
                unreadable.add(reading);
            }
        }
        transactions.executeWrite(status -> {
            QueuedKeys queued = new QueuedKeys(consumer.name(), deferred);
            for (Reading reading : readable) {
                traced(consumer, reading.message(), () -> actOn(consumer, reading, queued));
            }
            return null;
        });
        return unreadable;
    }

    /** A record as read from Kafka: its message, or why it cannot be read. */
    record Reading(ConsumerRecord<String, String> record, @Nullable DecodedMessage message,
                   @Nullable UnreadableMessageException unreadable) {
    }

    private Reading read(ConsumerRecord<String, String> record) {
        DecodedMessage message;
        try {
            message = codec.decode(record.value());
        } catch (UnreadableMessageException e) {
            return new Reading(record, null, e);
        }
        String messageId = message.envelope().id();
        if (!isUuid(messageId)) {
            // processed_message.message_id is CHAR(36): a longer id would be cut to its first 36
            // characters (INSERT IGNORE turns the error into a warning) and taken for another message.
            return new Reading(record, null, new UnreadableMessageException(
                    "The message id is not a UUID (CloudEvents id of a Podium message): " + abbreviate(messageId)));
        }
        return new Reading(record, message, null);
    }

    /** Runs the work on the message in its {@code <topic> process} span, current meanwhile. */
    private <T> T traced(InboxConsumer consumer, DecodedMessage message, Supplier<T> work) {
        Span span = tracing.consuming(consumer.name(), consumer.topic(), message.envelope().id(), TraceContext.of(message.envelope()));
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e).setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Inside the caller's transaction: records the message as processed and applies it, or defers it. */
    private boolean actOn(InboxConsumer consumer, Reading reading, QueuedKeys queued) {
        ConsumerRecord<String, String> record = reading.record();
        DecodedMessage message = reading.message();
        String messageId = message.envelope().id();
        if (!markProcessed(consumer.name(), messageId)) {
            return false;
        }
        if (queued.anyFor(record.key())) {
            deferred.defer(consumer.name(), record, messageId, null);
            return false;
        }
        Optional<StreamVersion> unknown = watermarks.firstUnknown(consumer.awaited(message.envelope().causality().after()));
        if (unknown.isPresent()) {
            deferred.defer(consumer.name(), record, messageId, unknown.get());
            queued.deferred(record.key());
            return false;
        }
        apply(consumer, message);
        return true;
    }

    /** The message's effect and the watermark of the stream it changes; inside the caller's transaction. */
    void apply(InboxConsumer consumer, DecodedMessage message) {
        consumer.handler().handle(message);
        StreamVersion change = message.envelope().causality().advances();
        if (change != null) {
            watermarks.raise(change);
        }
    }

    DecodedMessage decode(String payload) {
        return codec.decode(payload);
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The canonical 36-character form only (UUID.fromString also takes "1-2-3-4-5"). */
    static boolean isUuid(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
    }

    private static String abbreviate(String id) {
        return id == null ? "none" : id.length() <= 60 ? '"' + id + '"' : '"' + id.substring(0, 60) + "…\"";
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
