package dev.podium.talks.catalog;

import io.micronaut.core.annotation.Nullable;

/** A group as events-service described it. */
public record KnownGroup(String id, String slug, String name, @Nullable String timeZone) {
}
