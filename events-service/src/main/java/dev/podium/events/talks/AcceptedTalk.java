package dev.podium.events.talks;

import dev.podium.contracts.common.SpeakerRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/** A talk accepted by talks-service, as its messages describe it: what an agenda slot may point to. */
@MappedEntity("accepted_talk")
public record AcceptedTalk(@Id String talkId, @Nullable String eventId, String title, String abstractText,
                           String format, int durationMinutes,
                           @TypeDef(type = DataType.JSON) List<SpeakerRef> speakers, String status, Instant updatedAt) {
}
