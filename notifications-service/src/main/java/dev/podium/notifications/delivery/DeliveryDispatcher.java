package dev.podium.notifications.delivery;

import dev.podium.notifications.notification.StoredNotification;
import dev.podium.notifications.notification.NotificationStore;
import dev.podium.notifications.unsubscribe.Unsubscriptions;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.notification.DeliveriesRecorded;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import dev.podium.notifications.delivery.DeliveryMetrics.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives sending from the delivery table: one feeder thread claims due deliveries, never more than
 * twice the parallelism ahead, and a fixed pool of senders sends them, each on its own SMTP
 * connection kept open across sends, at the configured rate. Every outcome is written as soon as
 * the server answered, so a crash can repeat at most the sends in flight (one per sender). If the
 * SMTP server cannot be reached, claiming pauses (0.5 s, doubling up to 30 s, on the monotonic
 * clock) instead of burning through the queue's attempts.
 */
@Singleton
public class DeliveryDispatcher implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration LEASE_RELEASE_INTERVAL = Duration.ofSeconds(1);

    private final DeliveryQueue queue;
    private final NotificationStore notifications;
    private final EmailComposer composer;
    private final Unsubscriptions unsubscriptions;
    private final Audience audience;
    private final MailSettings settings;
    private final Clock clock;
    private final RetryPolicy retries;
    private final SendRate rate;
    private final Semaphore claimable;
    private final DeliveryMetrics metrics;
    private final ChannelPause pause = new ChannelPause();
    private final Queue<SmtpConnection> connections = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<SmtpConnection> connection;
    private long lastLeaseRelease = System.nanoTime() - LEASE_RELEASE_INTERVAL.toNanos();
    private volatile boolean running;
    private ExecutorService senders;
    private volatile Thread feeder;

    DeliveryDispatcher(DeliveryQueue queue, NotificationStore notifications, EmailComposer composer,
                       Unsubscriptions unsubscriptions, Audience audience, MailSettings settings, Clock clock,
                       MeterRegistry meters) {
        this.queue = queue;
        this.notifications = notifications;
        this.composer = composer;
        this.unsubscriptions = unsubscriptions;
        this.audience = audience;
        this.settings = settings;
        this.clock = clock;
        this.retries = new RetryPolicy(settings.getMaxAttempts(), new RetryDelay(settings.getRetryDelay(), settings.getMaxRetryDelay()));
        this.rate = new SendRate(settings.getRatePerSecond());
        this.claimable = new Semaphore(settings.getParallelism() * 2);
        this.metrics = new DeliveryMetrics(meters, "podium.mail.deliveries");
        this.connection = ThreadLocal.withInitial(() -> {
            SmtpConnection opened = new SmtpConnection(settings);
            connections.add(opened);
            return opened;
        });
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!settings.isSending()) {
            LOG.info("Sending is off on this replica (podium.mail.sending=false)");
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
                task -> new Thread(task, "smtp-sender-" + number.incrementAndGet()));
        feeder = new Thread(this::feed, "delivery-feeder");
        feeder.setDaemon(true);
        feeder.start();
        LOG.info("Sending through {}:{} with {} senders{}", settings.getSmtpHost(), settings.getSmtpPort(),
                settings.getParallelism(), settings.getRatePerSecond() > 0 ? " at " + settings.getRatePerSecond() + " messages/s" : "");
    }

    @PreDestroy
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
        connections.forEach(SmtpConnection::close);
        connections.clear();
    }

    /**
     * Deliveries recorded by this replica are claimed at once rather than at the next poll (the
     * announcement's first email, an RSVP's confirmation); other replicas' are found by polling.
     */
    @TransactionalEventListener
    void onDeliveriesRecorded(DeliveriesRecorded recorded) {
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
     * Claims what the senders have room for, once at least a sender's round of room is free (claims
     * of one delivery each would cost a transaction per email); false when there was nothing to do.
     */
    private boolean feedOnce() throws InterruptedException {
        if (pause.active()) {
            return false;
        }
        releaseExpiredLeasesNowAndThen();
        claimable.acquire(settings.getParallelism());
        int room = settings.getParallelism() + claimable.drainPermits();
        List<ClaimedDelivery> claimed;
        try {
            claimed = queue.claim(room);
        } catch (RuntimeException e) {
            claimable.release(room);
            throw e;
        }
        claimable.release(room - claimed.size());
        long claimedAt = System.nanoTime();
        Map<Long, String> skips = skipReasons(claimed);
        for (ClaimedDelivery delivery : claimed) {
            senders.execute(() -> {
                try {
                    send(delivery, claimedAt, skips);
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
     * Why claimed deliveries must not go out (a suppressed address, an unsubscribed recipient of bulk
     * mail), looked up for the whole claim in two queries rather than two per email; null if the lookup
     * failed, and each send then checks for itself.
     */
    private Map<Long, String> skipReasons(List<ClaimedDelivery> claimed) {
        try {
            return SkipReasons.of(claimed, notifications, audience, unsubscriptions);
        } catch (RuntimeException e) {
            LOG.warn("Could not check {} claimed deliveries at once: {}", claimed.size(), Redaction.text(e.toString()));
            return null;
        }
    }

    private void send(ClaimedDelivery delivery, long claimedAt, Map<Long, String> skips) {
        try {
            Optional<StoredNotification> found = notifications.find(delivery.notificationId());
            if (found.isEmpty()) {
                queue.dead(delivery, "notification " + delivery.notificationId() + " not found");
                return;
            }
            StoredNotification notification = found.get();
            Optional<String> skip = skips != null ? Optional.ofNullable(skips.get(delivery.id())) : reasonToSkip(notification, delivery);
            if (skip.isPresent()) {
                queue.skipped(delivery, skip.get());
                metrics.count(Outcome.SKIPPED);
                return;
            }
            SmtpConnection smtp = connection.get();
            MimeMessage message = composer.compose(smtp.session(), notification, delivery);
            rate.acquire();
            if (leaseEndsSoon(claimedAt)) {
                // Waited so long (a slow start, a rate limit) that another sender may retake it:
                // leave it to whoever holds it once the lease has ended rather than risk two copies.
                LOG.warn("Delivery {} not sent: its lease ends before the send could finish", delivery.id());
                return;
            }
            smtp.send(message);
            pause.reachable();
            recordSent(delivery);
            metrics.count(Outcome.SENT);
        } catch (MessagingException e) {
            failed(delivery, SmtpFailure.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A delivery that cannot be rendered or recorded must not stop its sender: it is retried
            // with backoff and DEAD after MAIL_MAX_ATTEMPTS. If even that cannot be written, its lease
            // ends and the queue counts the attempt all the same (DeliveryQueue.releaseExpiredLeases).
            LOG.error("Delivery {} failed unexpectedly (attempt {} of {})", delivery.id(), delivery.attempt(),
                    settings.getMaxAttempts(), Redaction.failure(e));
            try {
                boolean dead = queue.failedUnexpectedly(delivery, Redaction.text(e.toString()));
                metrics.count(dead ? Outcome.DEAD : Outcome.RETRIED);
            } catch (RuntimeException recording) {
                LOG.warn("Could not record the failure of delivery {}: {}", delivery.id(), Redaction.text(recording.toString()));
            }
        }
    }

    private boolean leaseEndsSoon(long claimedAt) {
        Duration lease = settings.getLease();
        return System.nanoTime() - claimedAt > lease.minus(lease.dividedBy(5)).toNanos();
    }

    /**
     * The server has the message: losing this write would send it again when the lease ends, so a
     * transient database failure (a deadlock victim, a failover) is retried a few times.
     */
    private void recordSent(ClaimedDelivery delivery) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                queue.sent(delivery);
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.warn("Could not record delivery {} as sent (attempt {}): {}", delivery.id(), attempt, Redaction.text(e.toString()));
                Thread.sleep(100L * attempt);
            }
        }
    }

    private Optional<String> reasonToSkip(StoredNotification notification, ClaimedDelivery delivery) {
        if (audience.isSuppressed(delivery.email())) {
            return Optional.of(SkipReasons.SUPPRESSED);
        }
        if (notification.kind().bulk() && unsubscriptions.isUnsubscribed(delivery.email(), notification.groupId())) {
            return Optional.of(SkipReasons.UNSUBSCRIBED);
        }
        return Optional.empty();
    }

    private void failed(ClaimedDelivery delivery, SmtpFailure failure) {
        if (failure.permanent()) {
            LOG.info("Delivery {} refused for good: {}", delivery.id(), Redaction.text(failure.reply()));
            queue.failed(delivery, failure.reply());
            metrics.count(Outcome.FAILED);
            return;
        }
        if (failure.connection()) {
            pause.unreachable();
        }
        if (retries.exhausted(delivery.attempt())) {
            LOG.warn("Delivery {} dead after {} attempts: {}", delivery.id(), delivery.attempt(), Redaction.text(failure.reply()));
            queue.dead(delivery, failure.reply());
            metrics.count(Outcome.DEAD);
        } else {
            metrics.count(Outcome.RETRIED);
            LOG.info("Delivery {} failed (attempt {}), will retry: {}", delivery.id(), delivery.attempt(),
                    Redaction.text(failure.reply()));
            queue.retryLater(delivery, retries.nextAttempt(clock.instant(), delivery.attempt()), failure.reply());
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
