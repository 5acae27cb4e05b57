package dev.podium.events.quota;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/** An admin's setting of a group's daily quotas; a null one returns to the default. */
@Serdeable
public record GroupQuotaRequest(@Nullable @PositiveOrZero @Max(10_000_000) Integer importedMembersPerDay,
                                @Nullable @PositiveOrZero @Max(1_000) Integer announcementsPerDay) {
}
