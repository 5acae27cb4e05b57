package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A person joined a group, or was imported into it.
 *
 * @param confirmed  false while the member has not yet confirmed their email (double opt-in)
 * @param confirmUrl signed opt-in link, while the membership is pending
 * @param addedBy    for an imported member, who imported them (the organiser's name, as the group lists it): the
 *                   member's emails say so, since they never asked this platform for them
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberJoined(
        String groupId,
        String slug,
        String groupName,
        String language,
        String memberId,
        String name,
        String email,
        MembershipSource source,
        boolean confirmed,
        @Nullable String confirmUrl,
        Instant joinedAt,
        @Nullable String addedBy) implements PodiumMessage {

    @Override
    public String subject() {
        return groupId;
    }
}
