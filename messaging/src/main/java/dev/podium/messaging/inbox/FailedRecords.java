package dev.podium.messaging.inbox;

import dev.podium.persistence.DatabaseUnreachable;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a record once its retries are spent, for both kinds of listener (micronaut-kafka's
 * error strategy for {@link PodiumListener}, {@link PollReceiver} for {@link PodiumBatchListener}):
 * it goes to its dead-letter topic instead of being silently skipped; but a record that failed
 * because the service's database cannot be reached is not bad: it is kept (the consumer is rewound
 * to it) and tried again after a pause, until the database is back. So is a record whose dead letter
 * could not be written.
 */
@Singleton
class FailedRecords {

    /** The retries after a first failed attempt, and the delay before the first of them (doubled before each next one). */
    static final int RETRIES = 4;
    static final int FIRST_RETRY_DELAY_MILLIS = 200;
    static final String FIRST_RETRY_DELAY = FIRST_RETRY_DELAY_MILLIS + "ms";
    /** On top of the retries' own backoff, so an outage costs a few attempts a minute, not a busy loop. */
    static final Duration PAUSE_BEFORE_RETRY = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(FailedRecords.class);

    private final DeadLetters deadLetters;

    FailedRecords(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** How long to wait before retry number {@code retry} (1 to {@link #RETRIES}). */
    static Duration delayBefore(int retry) {
        return ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR.computeRetryDelay(Duration.ofMillis(FIRST_RETRY_DELAY_MILLIS), retry);
    }

    /**
     * Returns true if the record was dead-lettered; false if it was kept back: then {@code keepBack}
     * has rewound the consumer to it, and this method has paused before returning.
     */
    boolean giveUp(String consumer, ConsumerRecord<?, ?> record, Throwable reason, Runnable keepBack) {
        if (DatabaseUnreachable.is(reason)) {
            LOG.warn("{}-{}@{} kept for {}: the database cannot be reached; trying again in {} s", record.topic(),
                    record.partition(), record.offset(), consumer, PAUSE_BEFORE_RETRY.toSeconds());
            keepBackAndPause(keepBack);
            return false;
        }
        try {
            deadLetters.send(record, consumer, reason);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("{}-{}@{} kept for {}: its dead letter could not be written ({}); trying again in {} s", record.topic(),
                    record.partition(), record.offset(), consumer, e.getMessage(), PAUSE_BEFORE_RETRY.toSeconds());
            keepBackAndPause(keepBack);
            return false;
        }
    }

    private static void keepBackAndPause(Runnable keepBack) {
        keepBack.run();
        pause(PAUSE_BEFORE_RETRY);
    }

    /** Sleeps; returns false if the thread was interrupted (the service is stopping). */
    static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
