package dev.podium.messaging.inbox;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.StreamVersion;
import dev.podium.messaging.causality.Watermarks;
import dev.podium.persistence.DatabaseUnreachable;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on deferred messages once the facts they wait for are known: each key's messages in order,
 * each in a transaction that locks its row ({@code FOR UPDATE SKIP LOCKED}, so two replicas never
 * act on one). A message still waiting is looked at again with a growing pause (up to
 * {@code podium.inbox.deferred-max-backoff}); one whose effect keeps failing is dead-lettered after
 * {@code podium.inbox.deferred-max-attempts}, as it would have been from the topic.
 */
@Singleton
public class DeferredRetry {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredRetry.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final int MAX_CHAIN = 200;

    private final MessageInbox inbox;
    private final DeferredMessages deferred;
    private final Watermarks watermarks;
    private final DeadLetters deadLetters;
    private final TransactionOperations<Connection> transactions;
    private final Duration maxBackoff;
    private final int maxAttempts;

    DeferredRetry(MessageInbox inbox, DeferredMessages deferred, Watermarks watermarks, DeadLetters deadLetters,
                  TransactionOperations<Connection> transactions,
                  @Value("${podium.inbox.deferred-max-backoff:2s}") Duration maxBackoff,
                  @Value("${podium.inbox.deferred-max-attempts:5}") int maxAttempts) {
        this.inbox = inbox;
        this.deferred = deferred;
        this.watermarks = watermarks;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelay = "${podium.inbox.deferred-poll-interval:100ms}", initialDelay = "1s")
    void poll() {
        try {
            retryDue();
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.is(e)) {
                throw e;
            }
            LOG.debug("Deferred messages wait for the database: {}", e.toString());
        }
    }

    /** Acts on every deferred message whose facts are now known; returns how many took effect. */
    public int retryDue() {
        int applied = 0;
        for (long head : deferred.heads(inbox.declaredNames(), 100)) {
            applied += retryChain(head);
        }
        return applied;
    }

    private int retryChain(long head) {
        int[] applied = {0};
        DeferredMessages.Row[] failing = {null};
        try {
            transactions.executeWrite(status -> {
                Optional<DeferredMessages.Row> next = deferred.lockIfDue(head);
                while (next.isPresent() && applied[0] < MAX_CHAIN) {
                    DeferredMessages.Row row = next.get();
                    Optional<InboxConsumer> consumer = inbox.declared(row.consumer());
                    if (consumer.isEmpty()) {
                        return null;
                    }
                    DecodedMessage message = inbox.decode(row.payload());
                    Optional<StreamVersion> unknown = watermarks.firstUnknown(consumer.get().awaited(message.envelope().causality().after()));
                    if (unknown.isPresent()) {
                        deferred.stillWaiting(row, unknown.get(), backoff(row.checks()));
                        return null;
                    }
                    failing[0] = row;
                    inbox.apply(consumer.get(), message);
                    deferred.done(row);
                    failing[0] = null;
                    applied[0]++;
                    next = deferred.lockNext(row);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.is(e) || failing[0] == null) {
                throw e;
            }
            failed(failing[0], e);
            return 0;
        }
        return applied[0];
    }

    /** The effect failed and was rolled back: count the attempt, and dead-letter it at the limit. */
    private void failed(DeferredMessages.Row row, RuntimeException reason) {
        if (row.attempts() + 1 >= maxAttempts) {
            transactions.executeWrite(status -> {
                if (deferred.lockIfDue(row.id()).isPresent()) {
                    deadLetters.send(row.asRecord(), row.consumer(), reason);
                    deferred.done(row);
                }
                return null;
            });
            return;
        }
        LOG.warn("Deferred message {} for {} failed (attempt {} of {}): {}", row.messageId(), row.consumer(), row.attempts() + 1,
                maxAttempts, reason.getClass().getName());
        transactions.executeWrite(status -> {
            deferred.failed(row, String.valueOf(reason), backoff(row.attempts()));
            return null;
        });
    }

    private Duration backoff(int tries) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(tries, 10));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
