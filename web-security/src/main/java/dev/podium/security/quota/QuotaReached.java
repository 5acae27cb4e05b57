package dev.podium.security.quota;

import dev.podium.security.TooManyRequests;
import java.time.Duration;
import java.util.Map;

/** 429: today's quota is used up; {@code Retry-After} says when the next UTC day starts. */
public final class QuotaReached extends TooManyRequests {

    QuotaReached(Quota quota, long limit, long used, long requested, Duration untilTomorrow) {
        super("quota-reached", "Daily quota reached",
                "At most " + limit + " " + quota.counts() + " a day; " + used + " today, this request adds " + requested
                        + ". Retry in " + seconds(untilTomorrow) + " s (the next UTC day)"
                        + (quota.remedy().isEmpty() ? "." : ", or " + quota.remedy() + "."),
                Map.of("quota", quota.name(), "limit", limit, "used", used, "requested", requested),
                untilTomorrow);
    }
}
