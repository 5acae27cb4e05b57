package dev.podium.talks.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One version of a submission's content: revision 0 as submitted, n after the n-th edit. */
@Serdeable
public record RevisionView(
        int revision,
        String title,
        @JsonProperty("abstract") String abstractText,
        String format,
        int durationMinutes,
        @Nullable String language,
        @Nullable String level,
        List<String> tags,
        @Nullable String notes,
        Instant revisedAt) {
}
