package dev.podium.events.group;

import io.micronaut.serde.annotation.Serdeable;

/** What a CSV import did: new members, and rows skipped because the address was already a member. */
@Serdeable
public record ImportReport(int imported, int alreadyMembers) {
}
