package dev.podium.security.quota;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** 403: the request alone is more than the quota allows, so waiting would not help. */
public final class OverQuota extends PodiumProblem {

    /** @param period "a day", "per submission" … as the message says it */
    public OverQuota(Quota quota, String period, long limit, long requested) {
        super("over-quota", "More than the quota allows", HttpStatus.FORBIDDEN,
                "This request adds " + requested + " " + quota.counts() + "; at most " + limit + " are allowed " + period
                        + (quota.remedy().isEmpty() ? "." : ". " + capitalised(quota.remedy()) + "."),
                Map.of("quota", quota.name(), "limit", limit, "requested", requested));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
