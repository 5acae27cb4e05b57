package dev.podium.contracts.talks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A speaker invited someone to co-present their talk.
 *
 * @param acceptUrl signed link for the invitee to accept, valid until {@code expiresAt}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoSpeakerInvited(
        TalkSnapshot talk,
        String inviteeEmail,
        String invitedByName,
        String acceptUrl,
        Instant expiresAt) implements PodiumMessage {

    @Override
    public String subject() {
        return talk.submissionId();
    }
}
