package dev.podium.contracts.notifications;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A person opted out of emails from a group, or from every group.
 *
 * @param groupId null when they unsubscribed from every group
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberUnsubscribed(
        String unsubscriptionId,
        @Nullable String groupId,
        String email,
        Instant unsubscribedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return unsubscriptionId;
    }
}
