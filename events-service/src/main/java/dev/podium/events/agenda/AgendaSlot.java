package dev.podium.events.agenda;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("agenda_slot")
public record AgendaSlot(@Id String id, String eventId, int position, Instant startsAtUtc, Instant endsAtUtc,
                         @Nullable String track, @Nullable String room, SlotKind kind, String title,
                         @Nullable String talkId) {
}
