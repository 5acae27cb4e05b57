package dev.podium.events.quota;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A group's daily quotas, what it used of them today (UTC), and when they start again. */
@Serdeable
public record GroupQuotaView(Limit importedMembersPerDay, Limit announcementsPerDay, Instant resetsAt) {

    /** @param raised whether an admin set this group's limit (else it is the default) */
    @Serdeable
    public record Limit(int limit, long usedToday, boolean raised) {
    }
}
