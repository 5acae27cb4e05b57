package dev.podium.security.quota;

import dev.podium.messaging.retention.RetentionPolicy;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/** A day's quota counts are kept one more day (a request at midnight still finds yesterday's), then go. */
@Singleton
@Requires(beans = DailyQuotas.class)
class QuotaUsageRetention implements RetentionPolicy {

    private final DailyQuotas quotas;

    QuotaUsageRetention(DailyQuotas quotas) {
        this.quotas = quotas;
    }

    @Override
    public String name() {
        return "quota_usage";
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(2);
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return quotas.forgetDaysBefore(cutoff, limit);
    }
}
