package dev.podium.notifications.delivery;

import dev.podium.contracts.TraceContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.persistence.Sql;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.delivery.email.MailSettings;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.RealServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The delivery loop with an in-memory channel in place of SMTP, on the real database: what each kind
 * of failure the channel reports does to a delivery (its status, attempts, error, the counter of
 * outcomes) and to the claiming. The retries' backoff is on the clock, moved by hand; the pause is on
 * the monotonic clock, so it is measured.
 */
@MicronautTest(transactional = false)
class DeliveryLoopTest implements RealServers {

    private static final int MAX_ATTEMPTS = 3;
    /** Past any of the first retries' delays (2 s doubling) and well inside a lease (60 s). */
    private static final Duration PAST_THE_BACKOFF = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at("2031-05-12T08:00:00Z");
    private final ScriptedChannel channel = new ScriptedChannel();

    @Inject
    Sql sql;

    @Inject
    MeterRegistry meters;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @MockBean(Channel.class)
    Channel<?, ?> channel() {
        return channel;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.mail.max-attempts", String.valueOf(MAX_ATTEMPTS));
        return properties;
    }

    @Test
    void aDeliveryToRetryLaterWaitsForItsBackoffThenGoesOut() {
        String address = Fixtures.address("busy");
        channel.answer(address, Answer.RETRY_LATER);
        Map<String, Double> before = outcomes();
        long delivery = delivery(address);

        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(status(delivery)) && attempts(delivery) == 1);
        assertThat(lastError(delivery)).isEqualTo("421 busy, try later");
        assertThat(nextAttempt(delivery)).as("after a backoff, not at once").isAfter(clock.instant());

        clock.advance(PAST_THE_BACKOFF);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(delivery)));

        assertThat(attempts(delivery)).isEqualTo(2);
        assertThat(lastError(delivery)).isNull();
        assertThat(channel.sends(address)).hasSize(2);
        assertThat(counted(before)).containsEntry("retried", 1.0).containsEntry("sent", 1.0)
                .containsEntry("dead", 0.0).containsEntry("failed", 0.0);
    }

    @Test
    void aPermanentFailureFailsTheDeliveryAtOnceAndTellsTheChannel() {
        String address = Fixtures.address("gone");
        channel.answer(address, Answer.PERMANENT);
        Map<String, Double> before = outcomes();
        long delivery = delivery(address);

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(delivery)));
        clock.advance(Duration.ofHours(1));

        assertThat(attempts(delivery)).isEqualTo(1);
        assertThat(lastError(delivery)).isEqualTo("550 no such recipient");
        assertThat(channel.refusedForGood).containsEntry(delivery, "550 no such recipient");
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> channel.sends(address).size() == 1);
        assertThat(counted(before)).containsEntry("failed", 1.0).containsEntry("retried", 0.0).containsEntry("sent", 0.0);
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadAfterItsLastAttempt() {
        String address = Fixtures.address("always-busy");
        channel.answer(address, Answer.RETRY_LATER, Answer.RETRY_LATER, Answer.RETRY_LATER, Answer.RETRY_LATER);
        Map<String, Double> before = outcomes();
        long delivery = delivery(address);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            clock.advance(PAST_THE_BACKOFF);
            return "DEAD".equals(status(delivery));
        });
        clock.advance(Duration.ofHours(1));

        assertThat(attempts(delivery)).isEqualTo(MAX_ATTEMPTS);
        assertThat(lastError(delivery)).isEqualTo("421 busy, try later");
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> channel.sends(address).size() == MAX_ATTEMPTS);
        assertThat(counted(before)).containsEntry("retried", (double) MAX_ATTEMPTS - 1).containsEntry("dead", 1.0)
                .containsEntry("sent", 0.0);
    }

    @Test
    void aFailureTheChannelDoesNotRecogniseIsRetriedLikeATransientOne() {
        String address = Fixtures.address("bug");
        channel.answer(address, Answer.UNRECOGNISED);
        Map<String, Double> before = outcomes();
        long delivery = delivery(address);

        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(status(delivery)) && attempts(delivery) == 1);
        assertThat(lastError(delivery)).contains("IllegalStateException").contains("not a channel failure");
        clock.advance(PAST_THE_BACKOFF);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(delivery)));

        assertThat(attempts(delivery)).isEqualTo(2);
        assertThat(counted(before)).containsEntry("retried", 1.0).containsEntry("sent", 1.0);
    }

    @Test
    void anUnreachableChannelPausesClaimingAndTheDeliveryIsRetriedLater() {
        String unlucky = Fixtures.address("unlucky");
        String next = Fixtures.address("next");
        channel.answer(unlucky, Answer.UNREACHABLE);
        Map<String, Double> before = outcomes();
        long first = delivery(unlucky);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> "PENDING".equals(status(first)) && attempts(first) == 1);
        long second = delivery(next);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(second)));

        long failedAt = channel.sends(unlucky).get(0);
        long nextSentAt = channel.sends(next).get(0);
        assertThat(Duration.ofNanos(nextSentAt - failedAt)).as("nothing claimed during the first pause")
                .isGreaterThanOrEqualTo(ChannelPause.FIRST_PAUSE);
        assertThat(lastError(first)).isEqualTo("connection refused");

        clock.advance(PAST_THE_BACKOFF);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(first)));
        assertThat(attempts(first)).isEqualTo(2);
        assertThat(counted(before)).containsEntry("retried", 1.0).containsEntry("sent", 2.0).containsEntry("dead", 0.0);
    }

    @Test
    void aDeliveryTheChannelMustNotSendIsSkipped() {
        String address = Fixtures.address("opted-out");
        channel.skip.add(address);
        Map<String, Double> before = outcomes();
        long delivery = delivery(address);

        await().atMost(Duration.ofSeconds(30)).until(() -> "SKIPPED".equals(status(delivery)));

        assertThat(lastError(delivery)).isEqualTo("not wanted");
        assertThat(channel.sends(address)).isEmpty();
        assertThat(counted(before)).containsEntry("skipped", 1.0).containsEntry("sent", 0.0);
    }

    private Map<String, Double> outcomes() {
        Map<String, Double> counts = new HashMap<>();
        for (String outcome : List.of("sent", "retried", "failed", "dead", "skipped")) {
            counts.put(outcome, meters.counter(ScriptedChannel.METER, "outcome", outcome).count());
        }
        return counts;
    }

    private Map<String, Double> counted(Map<String, Double> before) {
        Map<String, Double> since = new HashMap<>(outcomes());
        since.replaceAll((outcome, count) -> count - before.get(outcome));
        return since;
    }

    private long delivery(String address) {
        String notification = UUID.randomUUID().toString();
        sql.update("""
                INSERT INTO notification (id, trigger_key, kind, event_id, group_id, language, subject, model, bulk, calendar, created_at)
                VALUES (?, ?, 'ANNOUNCEMENT', NULL, NULL, 'en', 'Meetup', '{}', FALSE, NULL, ?)""",
                notification, "test:" + notification, clock.instant());
        sql.update("""
                INSERT INTO delivery (notification_id, email, name, status, attempts, next_attempt_at, lease_until, updated_at)
                VALUES (?, ?, 'Ada', 'PENDING', 0, ?, NULL, ?)""", notification, address, clock.instant(), clock.instant());
        return sql.count("SELECT id FROM delivery WHERE notification_id = ?", notification);
    }

    private String status(long delivery) {
        return sql.one("SELECT status FROM delivery WHERE id = ?", row -> row.getString(1), delivery).orElseThrow();
    }

    private int attempts(long delivery) {
        return (int) sql.count("SELECT attempts FROM delivery WHERE id = ?", delivery);
    }

    private String lastError(long delivery) {
        return sql.one("SELECT last_error FROM delivery WHERE id = ?", row -> row.getString(1), delivery).orElse(null);
    }

    private Instant nextAttempt(long delivery) {
        return sql.one("SELECT next_attempt_at FROM delivery WHERE id = ?", row -> Sql.instant(row, "next_attempt_at"), delivery)
                .orElseThrow();
    }

    enum Answer { RETRY_LATER, UNREACHABLE, PERMANENT, UNRECOGNISED }

    /**
     * A channel in memory: each address gets the answers it was given, in order, and is accepted
     * after them; every send is recorded with its time on the monotonic clock.
     */
    static final class ScriptedChannel implements Channel<String, ClaimedDelivery> {

        static final String METER = "podium.test.deliveries";

        final Set<String> skip = ConcurrentHashMap.newKeySet();
        final Map<Long, String> refusedForGood = new ConcurrentHashMap<>();
        private final Map<String, Queue<Answer>> answers = new ConcurrentHashMap<>();
        private final Map<String, List<Long>> sends = new ConcurrentHashMap<>();

        void answer(String address, Answer... script) {
            answers.put(address, new ArrayDeque<>(Arrays.asList(script)));
        }

        List<Long> sends(String address) {
            return sends.getOrDefault(address, List.of());
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public String destination() {
            return "memory";
        }

        @Override
        public String meterName() {
            return METER;
        }

        @Override
        public DeliverySettings settings() {
            MailSettings settings = new MailSettings();
            settings.setMaxAttempts(MAX_ATTEMPTS);
            return settings;
        }

        @Override
        public QueueTable queueTable() {
            return QueueTable.EMAIL;
        }

        @Override
        public Optional<String> message(String notificationId) {
            return Optional.of(notificationId);
        }

        @Override
        public TraceContext trace(String message) {
            return TraceContext.NONE;
        }

        @Override
        public Map<Long, String> reasonsToSkip(List<ClaimedDelivery> claimed) {
            Map<Long, String> reasons = new HashMap<>();
            claimed.stream().filter(delivery -> skip.contains(delivery.address()))
                    .forEach(delivery -> reasons.put(delivery.id(), "not wanted"));
            return reasons;
        }

        @Override
        public Optional<String> reasonToSkip(String notificationId, ClaimedDelivery delivery) {
            return skip.contains(delivery.address()) ? Optional.of("not wanted") : Optional.empty();
        }

        @Override
        public ClaimedDelivery compose(String notificationId, ClaimedDelivery delivery) {
            return delivery;
        }

        @Override
        public void send(ClaimedDelivery delivery) {
            sends.computeIfAbsent(delivery.address(), address -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
            Queue<Answer> script = answers.get(delivery.address());
            Answer answer = script == null ? null : script.poll();
            if (answer == null) {
                return;
            }
            throw switch (answer) {
                case RETRY_LATER -> new Refusal(DeliveryFailure.retryLater("421 busy, try later"));
                case UNREACHABLE -> new Refusal(DeliveryFailure.channelUnreachable("connection refused"));
                case PERMANENT -> new Refusal(DeliveryFailure.permanent("550 no such recipient"));
                case UNRECOGNISED -> new IllegalStateException("not a channel failure");
            };
        }

        @Override
        public Optional<DeliveryFailure> classify(Exception failure) {
            return failure instanceof Refusal refusal ? Optional.of(refusal.failure) : Optional.empty();
        }

        @Override
        public void refusedForGood(ClaimedDelivery delivery, String reason) {
            refusedForGood.put(delivery.id(), reason);
        }

        @Override
        public void close() {
        }
    }

    private static final class Refusal extends RuntimeException {

        private final DeliveryFailure failure;

        Refusal(DeliveryFailure failure) {
            super(failure.reason());
            this.failure = failure;
        }
    }
}
