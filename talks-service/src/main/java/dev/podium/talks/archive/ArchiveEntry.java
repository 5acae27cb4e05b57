package dev.podium.talks.archive;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A talk of the archive with what its search needs beside what it shows.
 *
 * @param speakersText the speakers' names and affiliations, searched with the title and abstract
 * @param releasedAt   when the decision was released: the talk's date while it has no event
 */
record ArchiveEntry(PublicTalkView talk, String speakersText, @Nullable Instant releasedAt) {

    /** Where the talk sorts, newest first: its event's start, else its release (as the archive always sorted). */
    @Nullable
    Instant sortedAt() {
        if (talk.event() != null && talk.event().startsAtUtc() != null) {
            return talk.event().startsAtUtc();
        }
        return releasedAt;
    }

    /** The event's start on its own clock, which the {@code from}/{@code to} filters compare; null without one. */
    @Nullable
    LocalDateTime localStart() {
        return talk.event() == null ? null : talk.event().startsAt();
    }

    String searchedText() {
        return talk.title() + "\n" + talk.abstractText() + "\n" + speakersText;
    }
}
