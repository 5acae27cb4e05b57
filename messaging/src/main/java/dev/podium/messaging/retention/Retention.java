package dev.podium.messaging.retention;

import dev.podium.persistence.DatabaseUnreachable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the tables that grow with traffic (processed messages, published outbox rows, rate-limit
 * windows, sent deliveries…) to their retention: every replica looks each
 * {@code podium.retention.check-interval}, and the one that claims a policy's run in the database
 * ({@link ClusterJobs}) deletes its old rows, in batches of {@code podium.retention.batch-size}, each
 * batch its own short transaction, so no lock is held for long.
 */
@Singleton
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int MAX_BATCHES_PER_RUN = 1000;

    private final List<RetentionPolicy> policies;
    private final ClusterJobs jobs;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration interval;
    private final int batchSize;

    Retention(List<RetentionPolicy> policies, ClusterJobs jobs, TransactionOperations<Connection> transactions, Clock clock,
              MeterRegistry meters, @Value("${podium.retention.interval:1h}") Duration interval,
              @Value("${podium.retention.batch-size:5000}") int batchSize) {
        this.policies = policies;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelay = "${podium.retention.check-interval:1m}", initialDelay = "${podium.retention.initial-delay:1m}")
    void scheduled() {
        try {
            runDue();
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.is(e)) {
                throw e;
            }
            LOG.warn("Retention cannot reach the database, will try again: {}", e.getMessage());
        }
    }

    /** Runs the policies whose run this replica claims now; returns the rows deleted by each that ran. */
    public Map<String, Long> runDue() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (RetentionPolicy policy : policies) {
            if (policy.retention().isZero() || policy.retention().isNegative()) {
                continue;
            }
            String job = "retention." + policy.name();
            if (!jobs.claim(job, interval)) {
                continue;
            }
            Instant cutoff = clock.instant().minus(policy.retention());
            long total = 0;
            int batch;
            int batches = 0;
            do {
                batch = transactions.executeWrite(status -> policy.deleteBefore(cutoff, batchSize));
                total += batch;
            } while (batch == batchSize && ++batches < MAX_BATCHES_PER_RUN);
            jobs.finished(job, total);
            Counter.builder("podium.retention.deleted").tag("table", policy.name())
                    .description("Rows deleted for being older than their retention").register(meters).increment(total);
            if (total > 0) {
                LOG.info("Retention: deleted {} rows of {} older than {} ({})", total, policy.name(), policy.retention(), cutoff);
            }
            deleted.put(policy.name(), total);
        }
        return deleted;
    }
}
