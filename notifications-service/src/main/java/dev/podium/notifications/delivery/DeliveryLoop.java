package dev.podium.notifications.delivery;

import dev.podium.messaging.tracing.MessageTracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives sending from one channel's delivery table through the {@link Channel} (one loop per channel,
 * see {@link DeliveryLoops}): one feeder thread claims due
 * deliveries, never more than four rounds of the senders ahead, and a fixed pool of senders takes each
 * through the channel ({@link DeliverySender}) at the configured rate. Every outcome is written as
 * soon as the channel answered, the SENTs of senders that finish together in one statement
 * ({@link SentRecorder}), and a sender sends nothing more before its outcome is written, so a crash
 * can repeat at most the sends in flight (one per sender).
 * While the channel cannot be reached, claiming pauses ({@link ChannelPause}) instead of burning
 * through the queue's attempts.
 */
final class DeliveryLoop {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
    private static final Duration LEASE_RELEASE_INTERVAL = Duration.ofSeconds(1);
    /** Rounds of sends (one per sender) claimed ahead at most, and the room that makes a claim worth its statements. */
    private static final int ROUNDS_AHEAD = 4;
    private static final int ROUNDS_PER_CLAIM = 2;

    private final DeliveryQueue queue;
    private final Channel<?, ?> channel;
    private final DeliverySettings settings;
    private final ChannelPause pause = new ChannelPause();
    private final DeliverySender<?, ?> sender;
    private final Semaphore claimable;
    private long lastLeaseRelease = System.nanoTime() - LEASE_RELEASE_INTERVAL.toNanos();
    private volatile boolean running;
    private ExecutorService senders;
    private volatile Thread feeder;

    <N, M> DeliveryLoop(DeliveryQueue queue, Channel<N, M> channel, MeterRegistry meters, MessageTracing tracing) {
        this.queue = queue;
        this.channel = channel;
        this.settings = channel.settings();
        DeliveryOutcomes outcomes = new DeliveryOutcomes(queue, channel, new DeliveryMetrics(meters, channel.meterName()),
                settings.getMaxAttempts());
        this.sender = new DeliverySender<>(channel, outcomes, new SendRate(settings.getRatePerSecond()), pause,
                settings.getLease(), tracing);
        this.claimable = new Semaphore(settings.getParallelism() * ROUNDS_AHEAD);
    }

    void startIfSending() {
        if (!settings.isSending()) {
            LOG.info("Sending {} is off on this replica: deliveries are recorded, not sent", channel.name());
            return;
        }
        start();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.getParallelism(),
                task -> new Thread(task, channel.name() + "-sender-" + number.incrementAndGet()));
        feeder = new Thread(this::feed, channel.name() + "-feeder");
        feeder.setDaemon(true);
        feeder.start();
        LOG.info("Sending {} through {} with {} senders{}", channel.name(), channel.destination(), settings.getParallelism(),
                settings.getRatePerSecond() > 0 ? " at " + settings.getRatePerSecond() + " messages/s" : "");
    }

    synchronized void stop() throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        feeder.interrupt();
        feeder.join(TimeUnit.SECONDS.toMillis(10));
        senders.shutdown();
        if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
        channel.close();
    }

    /** Claims now rather than at the next poll. */
    void wake() {
        Thread current = feeder;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    private void feed() {
        while (running) {
            try {
                if (!feedOnce()) {
                    LockSupport.parkNanos(settings.getPollInterval().toNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; claims resume when it answers again.
                LOG.warn("Could not claim deliveries: {}", Redaction.text(e.toString()));
                sleepQuietly(settings.getPollInterval().multipliedBy(5));
            }
        }
    }

    /**
     * Claims what the senders have room for, once at least two rounds of sends (one per sender) are free (claims
     * of one delivery each would cost a transaction per message); false when there was nothing to do.
     */
    private boolean feedOnce() throws InterruptedException {
        if (pause.active()) {
            return false;
        }
        releaseExpiredLeasesNowAndThen();
        int atLeast = settings.getParallelism() * ROUNDS_PER_CLAIM;
        claimable.acquire(atLeast);
        int room = atLeast + claimable.drainPermits();
        List<ClaimedDelivery> claimed;
        try {
            claimed = queue.claim(room);
        } catch (RuntimeException e) {
            claimable.release(room);
            throw e;
        }
        claimable.release(room - claimed.size());
        long claimedAt = System.nanoTime();
        Map<Long, String> skips = reasonsToSkip(claimed);
        for (ClaimedDelivery delivery : claimed) {
            senders.execute(() -> {
                try {
                    sender.send(delivery, claimedAt, skips);
                } finally {
                    claimable.release();
                }
            });
        }
        return !claimed.isEmpty();
    }

    private void releaseExpiredLeasesNowAndThen() {
        long now = System.nanoTime();
        if (now - lastLeaseRelease >= LEASE_RELEASE_INTERVAL.toNanos()) {
            queue.releaseExpiredLeases();
            lastLeaseRelease = now;
        }
    }

    /**
     * Looked up for the whole claim (a couple of queries rather than a couple per message); null if
     * the look-up failed, and each send then checks for itself.
     */
    private Map<Long, String> reasonsToSkip(List<ClaimedDelivery> claimed) {
        try {
            return channel.reasonsToSkip(claimed);
        } catch (RuntimeException e) {
            LOG.warn("Could not check {} claimed deliveries at once: {}", claimed.size(), Redaction.text(e.toString()));
            return null;
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
