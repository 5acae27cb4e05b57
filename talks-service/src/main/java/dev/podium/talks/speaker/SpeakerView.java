package dev.podium.talks.speaker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A speaker profile; {@code email} only for its owner and admin. */
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

    static SpeakerView of(Speaker speaker, boolean withEmail) {
        return new SpeakerView(speaker.id(), speaker.name(), withEmail ? speaker.email() : null, speaker.affiliation(), speaker.position(),
                speaker.bio(), new SpeakerLinks(speaker.siteUrl(), speaker.githubUrl(), speaker.slidesUrl()),
                speaker.createdAt(), speaker.updatedAt());
    }
}
