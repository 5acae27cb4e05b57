package dev.podium.notifications.delivery;

import dev.podium.persistence.ConflictRetry;
import dev.podium.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A channel's delivery table ({@link QueueTable}) as a work queue shared by every replica: due rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and leased to one sender; each outcome is written as soon
 * as the channel answered, so after a crash only the sends that were in flight can go out twice.
 */
public class DeliveryQueue {

    private static final int MAX_ERROR = 1000;

    private final Sql sql;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final DeliverySettings settings;
    private final RetryPolicy retries;
    private final QueueTable table;
    private final String name;

    public DeliveryQueue(Sql sql, Clock clock, TransactionOperations<Connection> transactions, DeliverySettings settings,
                         QueueTable table) {
        this.sql = sql;
        this.clock = clock;
        this.transactions = transactions;
        this.settings = settings;
        this.retries = RetryPolicy.of(settings);
        this.table = table;
        this.name = table.name();
    }

    /**
     * Claims up to {@code max} due deliveries, oldest due first, for the length of a lease; each claim
     * counts as an attempt. A due delivery that has already had all its attempts is not sent again:
     * it becomes {@code DEAD} here.
     */
    public List<ClaimedDelivery> claim(int max) {
        return ConflictRetry.retried(() -> transactions.executeWrite(status -> claimInTransaction(max)));
    }

    private List<ClaimedDelivery> claimInTransaction(int max) {
        Instant now = clock.instant();
        List<ClaimedDelivery> due = sql.list("SELECT d.id, " + table.claimed() + ", d.attempts FROM " + name + " d"
                + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND " + table.claimableWhen()
                + " ORDER BY d.next_attempt_at, d.id LIMIT ? FOR UPDATE SKIP LOCKED",
                row -> new ClaimedDelivery(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getInt(8)), now, max);
        List<Long> exhausted = due.stream().filter(row -> retries.exhausted(row.attempt())).map(ClaimedDelivery::id).toList();
        if (!exhausted.isEmpty()) {
            sql.update("UPDATE " + name + " SET status = 'DEAD', lease_until = NULL, updated_at = ?, last_error = COALESCE(last_error, ?) "
                    + "WHERE id IN (" + exhausted.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")",
                    now, "gave up after " + settings.getMaxAttempts() + " attempts");
        }
        // The row's attempts before this claim, plus this one (the UPDATE below counts it in the table).
        List<ClaimedDelivery> claimed = due.stream().filter(row -> !retries.exhausted(row.attempt()))
                .map(row -> new ClaimedDelivery(row.id(), row.notificationId(), row.address(), row.name(), row.manageUrl(),
                        row.importedBy(), row.participation(), row.attempt() + 1))
                .toList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        String idList = claimed.stream().map(row -> String.valueOf(row.id())).collect(Collectors.joining(","));
        sql.update("UPDATE " + name + " SET status = 'SENDING', attempts = attempts + 1, lease_until = ?, updated_at = ? WHERE id IN ("
                + idList + ")", now.plus(settings.getLease()), now);
        return claimed;
    }

    /**
     * Hands the deliveries of senders that died mid-lease back to the queue, or, when that lease was
     * their last allowed attempt, makes them {@code DEAD}: the claim counted the attempt, so a delivery
     * whose send never records an outcome (a sender that dies, a failure nobody caught) is tried
     * {@code max-attempts} times, with the usual backoff between attempts, not forever. The expired
     * leases are found with a plain read and released one by one by primary key: an UPDATE ranging
     * over the lease index would lock the index entries of deliveries being sent at that moment (and
     * the entry past the range) and deadlock with a sender recording its outcome; a delivery whose
     * SENT is lost that way goes out a second time when its lease ends.
     */
    public int releaseExpiredLeases() {
        Instant now = clock.instant();
        List<Long> expired = sql.list("SELECT id FROM " + name + " WHERE status = 'SENDING' AND lease_until < ?",
                row -> row.getLong(1), now);
        int released = 0;
        int maxAttempts = settings.getMaxAttempts();
        for (long id : expired) {
            int attempts = sql.one("SELECT attempts FROM " + name + " WHERE id = ?", row -> row.getInt(1), id).orElse(0);
            Instant next = retries.nextAttempt(now, attempts);
            released += sql.update("UPDATE " + name + """
                     SET status = CASE WHEN attempts >= ? THEN 'DEAD' ELSE 'PENDING' END,
                                        next_attempt_at = ?, lease_until = NULL, updated_at = ?,
                                        last_error = ?
                    WHERE id = ? AND status = 'SENDING' AND lease_until < ?""",
                    maxAttempts, next, now, "no outcome recorded before the lease ended (attempt " + attempts + " of "
                            + maxAttempts + ")", id, now);
        }
        return released;
    }

    /**
     * A failed attempt: retried with backoff, or {@code DEAD} if it was the delivery's last.
     *
     * @return true if the delivery is dead
     */
    public boolean retryLaterOrDead(ClaimedDelivery delivery, String error, @Nullable Duration notSooner) {
        if (retries.exhausted(delivery.attempt())) {
            dead(delivery, error);
            return true;
        }
        Instant now = clock.instant();
        Instant next = retries.nextAttempt(now, delivery.attempt());
        if (notSooner != null && next.isBefore(now.plus(notSooner))) {
            next = now.plus(notSooner);
        }
        retryLater(delivery, next, error);
        return false;
    }

    public void sent(ClaimedDelivery delivery) {
        Instant now = clock.instant();
        finish(delivery, "status = 'SENT', sent_at = ?, last_error = NULL", now);
    }

    /** The SENT of several deliveries in one statement (ids sorted, so that concurrent writers lock rows in one order). */
    public void sent(List<ClaimedDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String ids = deliveries.stream().mapToLong(ClaimedDelivery::id).sorted().mapToObj(String::valueOf)
                .collect(Collectors.joining(","));
        sql.update("UPDATE " + name + " SET status = 'SENT', sent_at = ?, last_error = NULL, lease_until = NULL, updated_at = ? "
                + "WHERE id IN (" + ids + ") AND status = 'SENDING'", now, now);
    }

    public void retryLater(ClaimedDelivery delivery, Instant nextAttemptAt, String error) {
        finish(delivery, "status = 'PENDING', next_attempt_at = ?, last_error = ?", nextAttemptAt, trim(error));
    }

    public void dead(ClaimedDelivery delivery, String error) {
        finish(delivery, "status = 'DEAD', last_error = ?", trim(error));
    }

    public void skipped(ClaimedDelivery delivery, String reason) {
        finish(delivery, "status = 'SKIPPED', last_error = ?", trim(reason));
    }

    /** A permanent refusal: the delivery fails, and {@code consequences} (the channel's) are written with it. */
    public void failed(ClaimedDelivery delivery, String reason, Runnable consequences) {
        ConflictRetry.retried(() -> transactions.executeWrite(status -> {
            finish(delivery, "status = 'FAILED', last_error = ?", trim(reason));
            consequences.run();
            return null;
        }));
    }

    private void finish(ClaimedDelivery delivery, String assignments, Object... values) {
        Object[] parameters = new Object[values.length + 2];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = clock.instant();
        parameters[values.length + 1] = delivery.id();
        sql.update("UPDATE " + name + " SET " + assignments + ", lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'",
                parameters);
    }

    private static String trim(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
