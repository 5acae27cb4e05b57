package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A member left a group, or was removed from it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberLeft(
        String groupId,
        String slug,
        String memberId,
        String email,
        LeaveReason reason,
        Instant leftAt) implements PodiumMessage {

    @Override
    public String subject() {
        return groupId;
    }
}
