package dev.podium.notifications.delivery;

import dev.podium.notifications.delivery.DeliveryMetrics.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what became of each send to the queue as soon as it is known (a SENT with those of the other
 * senders that finished meanwhile), counts it and logs it.
 */
final class DeliveryOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final DeliveryQueue queue;
    private final Channel<?, ?> channel;
    private final DeliveryMetrics metrics;
    private final int maxAttempts;
    private final SentRecorder sentTogether;

    DeliveryOutcomes(DeliveryQueue queue, Channel<?, ?> channel, DeliveryMetrics metrics, int maxAttempts) {
        this.queue = queue;
        this.sentTogether = new SentRecorder(queue::sent);
        this.channel = channel;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
    }

    /**
     * The other end has the message: losing this write would send it again when the lease ends, so a
     * transient database failure (a deadlock victim, a failover) is retried a few times, the first
     * time together with other senders' ({@link SentRecorder}), then alone.
     */
    void sent(ClaimedDelivery delivery) throws InterruptedException {
        try {
            sentTogether.record(delivery);
        } catch (RuntimeException e) {
            LOG.warn("Could not record delivery {} as sent (attempt 1): {}", delivery.id(), Redaction.text(e.toString()));
            sentAlone(delivery);
        }
        metrics.count(Outcome.SENT);
    }

    private void sentAlone(ClaimedDelivery delivery) throws InterruptedException {
        for (int attempt = 2; ; attempt++) {
            Thread.sleep(100L * (attempt - 1));
            try {
                queue.sent(delivery);
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.warn("Could not record delivery {} as sent (attempt {}): {}", delivery.id(), attempt, Redaction.text(e.toString()));
            }
        }
    }

    void skipped(ClaimedDelivery delivery, String reason) {
        queue.skipped(delivery, reason);
        metrics.count(Outcome.SKIPPED);
    }

    void notificationMissing(ClaimedDelivery delivery) {
        queue.dead(delivery, "notification " + delivery.notificationId() + " not found");
    }

    void failed(ClaimedDelivery delivery, DeliveryFailure failure) {
        if (failure.kind() == DeliveryFailure.Kind.PERMANENT) {
            LOG.info("Delivery {} refused for good: {}", delivery.id(), Redaction.text(failure.reason()));
            queue.failed(delivery, failure.reason(), () -> channel.refusedForGood(delivery, failure.reason()));
            metrics.count(Outcome.FAILED);
            return;
        }
        if (queue.retryLaterOrDead(delivery, failure.reason(), failure.notSooner())) {
            LOG.warn("Delivery {} dead after {} attempts: {}", delivery.id(), delivery.attempt(), Redaction.text(failure.reason()));
            metrics.count(Outcome.DEAD);
        } else {
            LOG.info("Delivery {} failed (attempt {}), will retry: {}", delivery.id(), delivery.attempt(),
                    Redaction.text(failure.reason()));
            metrics.count(Outcome.RETRIED);
        }
    }

    /**
     * A delivery that cannot be composed or recorded must not stop its sender: it is retried with
     * backoff and {@code DEAD} after its attempts. If even that cannot be written, its lease ends and
     * the queue counts the attempt all the same ({@link DeliveryQueue#releaseExpiredLeases}).
     */
    void failedUnexpectedly(ClaimedDelivery delivery, Exception failure) {
        LOG.error("Delivery {} failed unexpectedly (attempt {} of {})", delivery.id(), delivery.attempt(), maxAttempts,
                Redaction.failure(failure));
        try {
            boolean dead = queue.retryLaterOrDead(delivery, Redaction.text(failure.toString()), null);
            metrics.count(dead ? Outcome.DEAD : Outcome.RETRIED);
        } catch (RuntimeException recording) {
            LOG.warn("Could not record the failure of delivery {}: {}", delivery.id(), Redaction.text(recording.toString()));
        }
    }
}
