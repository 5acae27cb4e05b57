package dev.podium.talks.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.talks.submission.TalkSpeaker;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A submission as organisers see it: with its reviews' average score and count and the decision,
 * staged or released.
 */
@Serdeable
public record OrganiserSubmissionView(
        String id,
        String status,
        @Nullable String eventId,
        @Nullable String groupId,
        String title,
        @JsonProperty("abstract") String abstractText,
        String format,
        int durationMinutes,
        @Nullable String language,
        @Nullable String level,
        List<String> tags,
        @Nullable String notes,
        List<TalkSpeaker> speakers,
        int revision,
        Instant submittedAt,
        Instant updatedAt,
        @Nullable Double averageScore,
        int reviewCount,
        @Nullable Decision decision) {

    /**
     * The organisers' decision.
     *
     * @param released false while staged: speakers have not been told
     */
    @Serdeable
    public record Decision(String outcome, @Nullable String reason, String decidedBy, Instant decidedAt, boolean released,
                           @Nullable Instant releasedAt) {
    }
}
