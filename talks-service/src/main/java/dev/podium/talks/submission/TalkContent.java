package dev.podium.talks.submission;

import io.micronaut.core.annotation.Nullable;

/** What the speaker writes and may edit until a decision (one revision of it). */
public record TalkContent(
        String title,
        String abstractText,
        TalkFormat format,
        int durationMinutes,
        @Nullable String language,
        @Nullable String level,
        @Nullable String notes) {
}
