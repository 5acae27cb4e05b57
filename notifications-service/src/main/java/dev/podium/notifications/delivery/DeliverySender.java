package dev.podium.notifications.delivery;

import dev.podium.messaging.tracing.MessageTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one claimed delivery through its channel: skipped if it must not go out, else composed, paced,
 * sent while its lease still holds, and its outcome recorded. Runs on the loop's sender threads.
 */
final class DeliverySender<N, M> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);

    private final Channel<N, M> channel;
    private final DeliveryOutcomes outcomes;
    private final SendRate rate;
    private final ChannelPause pause;
    private final Duration lease;
    private final MessageTracing tracing;

    DeliverySender(Channel<N, M> channel, DeliveryOutcomes outcomes, SendRate rate,
                   ChannelPause pause, Duration lease, MessageTracing tracing) {
        this.channel = channel;
        this.outcomes = outcomes;
        this.rate = rate;
        this.pause = pause;
        this.lease = lease;
        this.tracing = tracing;
    }

    /**
     * @param claimedAt when the lease began, on the monotonic clock
     * @param skips     the claim's reasons to skip, or null if they could not be looked up
     */
    void send(ClaimedDelivery delivery, long claimedAt, Map<Long, String> skips) {
        try {
            Optional<N> found = channel.message(delivery.notificationId());
            if (found.isEmpty()) {
                outcomes.notificationMissing(delivery);
                return;
            }
            N notification = found.get();
            Optional<String> skip = skips != null ? Optional.ofNullable(skips.get(delivery.id()))
                    : channel.reasonToSkip(notification, delivery);
            if (skip.isPresent()) {
                outcomes.skipped(delivery, skip.get());
                return;
            }
            Span span = tracing.delivering(channel.name(), channel.trace(notification));
            try (Scope ignored = span.makeCurrent()) {
                span.setAttribute("podium.delivery.attempt", delivery.attempt());
                composeAndSend(notification, delivery, claimedAt);
            } catch (ChannelCallFailed | RuntimeException e) {
                span.recordException(e.getCause() != null ? e.getCause() : e).setStatus(StatusCode.ERROR);
                throw e;
            } finally {
                span.end();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ChannelCallFailed e) {
            Optional<DeliveryFailure> failure = channel.classify(e.getCause());
            if (failure.isEmpty()) {
                outcomes.failedUnexpectedly(delivery, e.getCause());
                return;
            }
            if (failure.get().kind() == DeliveryFailure.Kind.CHANNEL_UNREACHABLE) {
                pause.unreachable();
            }
            outcomes.failed(delivery, failure.get());
        } catch (RuntimeException e) {
            outcomes.failedUnexpectedly(delivery, e);
        }
    }

    private void composeAndSend(N notification, ClaimedDelivery delivery, long claimedAt) throws ChannelCallFailed, InterruptedException {
        M message = onChannel(() -> channel.compose(notification, delivery));
        rate.acquire();
        if (leaseEndsSoon(claimedAt)) {
            // Waited so long (a slow start, a rate limit) that another sender may retake it:
            // leave it to whoever holds it once the lease has ended rather than risk two copies.
            LOG.warn("Delivery {} not sent: its lease ends before the send could finish", delivery.id());
            return;
        }
        onChannel(() -> {
            channel.send(message);
            return null;
        });
        pause.reachable();
        outcomes.sent(delivery);
    }

    /** Marks the channel's own failures, the only ones it is asked to classify. */
    private static <T> T onChannel(ChannelCall<T> call) throws ChannelCallFailed, InterruptedException {
        try {
            return call.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new ChannelCallFailed(e);
        }
    }

    private boolean leaseEndsSoon(long claimedAt) {
        return System.nanoTime() - claimedAt > lease.minus(lease.dividedBy(5)).toNanos();
    }

    @FunctionalInterface
    private interface ChannelCall<T> {
        T run() throws Exception;
    }

    private static final class ChannelCallFailed extends Exception {

        ChannelCallFailed(Exception cause) {
            super(cause);
        }

        @Override
        public synchronized Exception getCause() {
            return (Exception) super.getCause();
        }
    }
}
