package dev.podium.talks.speaker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record SpeakerView(
        String id,
        String name,
        @Nullable String email,
        @Nullable String affiliation,
        @Nullable String position,
        @Nullable String bio,
        SpeakerLinks links,
        Instant createdAt,
        Instant updatedAt) {

    static SpeakerView of(Speaker speaker) {
        return new SpeakerView(speaker.id(), speaker.name(), speaker.email(), speaker.affiliation(), speaker.position(),
                speaker.bio(), new SpeakerLinks(speaker.siteUrl(), speaker.githubUrl(), speaker.slidesUrl()),
                speaker.createdAt(), speaker.updatedAt());
    }
}
