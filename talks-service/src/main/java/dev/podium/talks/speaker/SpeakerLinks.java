package dev.podium.talks.speaker;

import dev.podium.talks.support.WebUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A speaker's links: personal site, GitHub profile, slides profile (Speaker Deck, SlideShare …). */
@Serdeable
@Schema(description = "A speaker's links")
public record SpeakerLinks(
        @Nullable @WebUrl String site,
        @Nullable @WebUrl String github,
        @Nullable @WebUrl String slides) {
}
