package dev.podium.events.agenda;

import dev.podium.contracts.common.SpeakerRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@Serdeable
public record AgendaView(String eventId, String timeZone, List<Slot> slots) {

    @Serdeable
    public record Slot(String id, LocalDate day, LocalDateTime startsAt, LocalDateTime endsAt, @Nullable String track,
                       @Nullable String room, String kind, String title, @Nullable String talkId,
                       List<Speaker> speakers) {
    }

    /** A speaker as the public agenda shows them: no email address. */
    @Serdeable
    public record Speaker(String name, @Nullable String affiliation) {

        static Speaker of(SpeakerRef ref) {
            return new Speaker(ref.name(), ref.affiliation());
        }
    }
}
