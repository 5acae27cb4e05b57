package dev.podium.talks.submission;

import dev.podium.api.PlainText;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.talks.support.CodePoints;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A speaker's edit: absent (or null) fields are kept; an empty string clears {@code language},
 * {@code level} or {@code notes}; {@code tags}, when present, replace all tags.
 */
@Serdeable
public record SubmissionPatch(
        @Nullable @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePoints(max = Limits.TITLE) @PlainText String title,
        @JsonProperty("abstract") @Nullable @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @CodePoints(max = Limits.ABSTRACT) String abstractText,
        @Nullable @Pattern(regexp = TalkFormat.PATTERN, message = Limits.FORMAT_MESSAGE)
        @Schema(allowableValues = {"TALK", "LIGHTNING", "KEYNOTE", "PRACTICAL", "WORKSHOP"}) String format,
        @Nullable Integer durationMinutes,
        @Nullable @Size(max = 35) @Pattern(regexp = "|" + Limits.LANGUAGE, message = Limits.LANGUAGE_MESSAGE) String language,
        @Nullable @Pattern(regexp = "|" + TalkLevel.PATTERN, message = Limits.LEVEL_MESSAGE) String level,
        @Nullable @Size(max = Limits.TAGS) List<@NotBlank @CodePoints(max = Limits.TAG) String> tags,
        @Nullable @CodePoints(max = Limits.NOTES) String notes) {
}
