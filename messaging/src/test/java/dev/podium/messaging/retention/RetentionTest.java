package dev.podium.messaging.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.persistence.Sql;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.RealServers;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Processed messages and published outbox rows go once older than their retention; waiting outbox
 * rows never; and each table's run happens once per interval whichever replica asks, decided by the
 * database.
 */
@MicronautTest(transactional = false)
class RetentionTest implements RealServers {

    private final MutableClock clock = MutableClock.at("2030-06-01T12:00:00Z");

    @Inject
    Retention retention;
    @Inject
    ClusterJobs jobs;
    @Inject
    Sql sql;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.outbox.relay.enabled", "false"); // waiting rows stay waiting
        properties.put("podium.retention.check-interval", "1h"); // runs when the test says
        properties.put("podium.retention.initial-delay", "1h");
        return properties;
    }

    @Test
    void oldProcessedMessagesAndPublishedOutboxRowsGoOncePerIntervalAndWaitingRowsStay() {
        Instant now = clock.instant();
        String old = processed(now.minus(Duration.ofDays(15)));
        String recent = processed(now.minus(Duration.ofDays(8)));
        long oldPublished = outboxRow(now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(4)));
        long recentPublished = outboxRow(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        long oldWaiting = outboxRow(now.minus(Duration.ofDays(30)), null);

        Map<String, Long> deleted = retention.runDue();

        assertThat(deleted).containsKeys("processed_message", "outbox");
        assertThat(processedExists(old)).as("older than 14 days").isFalse();
        assertThat(processedExists(recent)).as("8 days: above the topics' 7 days, kept").isTrue();
        assertThat(outboxExists(oldPublished)).as("published 4 days ago").isFalse();
        assertThat(outboxExists(recentPublished)).isTrue();
        assertThat(outboxExists(oldWaiting)).as("never published: never deleted").isTrue();

        String againOld = processed(now.minus(Duration.ofDays(20)));
        assertThat(retention.runDue()).as("within the interval: no run").isEmpty();
        assertThat(processedExists(againOld)).isTrue();

        clock.advance(Duration.ofHours(1));
        assertThat(retention.runDue()).containsKeys("processed_message", "outbox");
        assertThat(processedExists(againOld)).isFalse();
    }

    @Test
    void ofReplicasAskingAtTheSameMomentExactlyOneGetsTheRun() throws Exception {
        String job = "test." + UUID.randomUUID();
        int replicas = 8;
        CyclicBarrier together = new CyclicBarrier(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                Callable<Boolean> claim = () -> {
                    together.await();
                    return jobs.claim(job, Duration.ofHours(1));
                };
                claims.add(pool.submit(claim));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jobs.claim(job, Duration.ofHours(1))).as("later, within the hour").isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(jobs.claim(job, Duration.ofHours(1))).as("the next hour's run").isTrue();
    }

    private String processed(Instant at) {
        String id = UUID.randomUUID().toString();
        sql.update("INSERT INTO processed_message (consumer, message_id, processed_at) VALUES ('retention-test', ?, ?)", id, at);
        return id;
    }

    private boolean processedExists(String id) {
        return sql.count("SELECT COUNT(*) FROM processed_message WHERE message_id = ?", id) == 1;
    }

    private long outboxRow(Instant created, Instant published) {
        String id = UUID.randomUUID().toString();
        sql.update("INSERT INTO outbox (message_id, topic, message_key, type, payload, created_at, published_at)"
                + " VALUES (?, 'retention.test', 'k', 'test', '{}', ?, ?)", id, created, published);
        return sql.count("SELECT seq FROM outbox WHERE message_id = ?", id);
    }

    private boolean outboxExists(long seq) {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE seq = ?", seq) == 1;
    }
}
