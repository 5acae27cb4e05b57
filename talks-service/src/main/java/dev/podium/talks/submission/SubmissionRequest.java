package dev.podium.talks.submission;

import dev.podium.api.PlainText;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.talks.support.CodePoints;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A talk submission. Give exactly one target: {@code eventId}, or {@code groupSlug} for a group's
 * open call. The first speaker is the primary speaker. Lengths count Unicode code points.
 */
@Serdeable
public record SubmissionRequest(
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> speakerIds,
        @Nullable @Size(max = 64) String eventId,
        @Nullable @Size(max = 100) String groupSlug,
        @NotBlank @CodePoints(max = Limits.TITLE) @PlainText String title,
        @JsonProperty("abstract") @NotBlank @CodePoints(max = Limits.ABSTRACT) String abstractText,
        @NotNull @Pattern(regexp = TalkFormat.PATTERN, message = Limits.FORMAT_MESSAGE)
        @Schema(allowableValues = {"TALK", "LIGHTNING", "KEYNOTE", "PRACTICAL", "WORKSHOP"}) String format,
        @NotNull @Schema(description = "TALK 5-90, LIGHTNING 1-15, KEYNOTE 15-120, PRACTICAL and WORKSHOP 30-480") Integer durationMinutes,
        @Nullable @Size(max = 35) @Pattern(regexp = Limits.LANGUAGE, message = Limits.LANGUAGE_MESSAGE) String language,
        @Nullable @Pattern(regexp = TalkLevel.PATTERN, message = Limits.LEVEL_MESSAGE)
        @Schema(allowableValues = {"BEGINNER", "INTERMEDIATE", "ADVANCED"}) String level,
        @Nullable @Size(max = Limits.TAGS) List<@NotBlank @CodePoints(max = Limits.TAG) String> tags,
        @Nullable @CodePoints(max = Limits.NOTES) String notes) {
}
