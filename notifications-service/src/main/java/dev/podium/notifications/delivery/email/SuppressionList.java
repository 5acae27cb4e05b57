package dev.podium.notifications.delivery.email;

import dev.podium.persistence.Sql;
import dev.podium.notifications.delivery.ClaimedDelivery;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Addresses refused for good: every later send to them is skipped ({@link SkipReasons}). */
@Singleton
class SuppressionList {

    private static final int MAX_REASON = 1000;

    private final Sql sql;
    private final Clock clock;

    SuppressionList(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The address is the row's, not the claim's: a recipient erased during the send has no row left. */
    void addAddressOf(ClaimedDelivery delivery, String reason) {
        sql.update("""
                INSERT IGNORE INTO suppression (email_sha256, email, reason, created_at)
                SELECT SHA2(email, 256), email, ?, ? FROM delivery WHERE id = ? AND email IS NOT NULL""",
                reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON), clock.instant(), delivery.id());
    }
}
