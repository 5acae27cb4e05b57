package dev.podium.events.agenda;

import dev.podium.api.PlainText;
import dev.podium.api.StorableTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;

/** The whole agenda of an event; local times are in the event's zone. */
@Serdeable
public record AgendaRequest(@NotNull @Size(max = 500) List<@Valid @NotNull SlotRequest> slots) {

    /** {@code id}: an existing slot's id keeps that slot's identity (schedule apps key favourites on it). */
    @Serdeable
    public record SlotRequest(@Nullable @Size(max = 36) String id,
                              @NotNull @StorableTime LocalDateTime startsAt,
                              @NotNull @StorableTime LocalDateTime endsAt,
                              @NotNull SlotKind kind,
                              @NotBlank @Size(max = 300) @PlainText String title,
                              @Nullable @Size(max = 36) String talkId,
                              @Nullable @Size(max = 100) String track,
                              @Nullable @Size(max = 100) String room) {
    }
}
