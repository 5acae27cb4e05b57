package dev.podium.talks.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** What a release sent: one TalkAccepted or TalkRejected per decision. Empty when nothing was staged. */
@Serdeable
public record ReleaseView(@Nullable String eventId, @Nullable String groupSlug, int accepted, int rejected,
                          List<Released> released, Instant releasedAt) {

    @Serdeable
    public record Released(String submissionId, String outcome) {
    }
}
