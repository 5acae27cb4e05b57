package dev.podium.events.agenda;

import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.events.event.AgendaSnapshots;
import dev.podium.events.event.Event;
import dev.podium.events.talks.AcceptedTalk;
import dev.podium.events.talks.AcceptedTalkRepository;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The agenda in the event's snapshots ({@link AgendaSnapshots}), with the accepted talks it places. */
@Singleton
class AgendaSlotSnapshots implements AgendaSnapshots {

    private final AgendaSlotRepository slots;
    private final AcceptedTalkRepository talks;

    AgendaSlotSnapshots(AgendaSlotRepository slots, AcceptedTalkRepository talks) {
        this.slots = slots;
        this.talks = talks;
    }

    @Override
    public List<AgendaSlotSnapshot> of(Event event) {
        List<AgendaSlot> eventSlots = slots.findByEventIdOrderByPosition(event.id());
        List<String> talkIds = eventSlots.stream().map(AgendaSlot::talkId).filter(Objects::nonNull).toList();
        Map<String, AcceptedTalk> placed = talkIds.isEmpty() ? Map.of()
                : talks.findByTalkIdIn(talkIds).stream().collect(Collectors.toMap(AcceptedTalk::talkId, Function.identity()));
        return eventSlots.stream().map(slot -> {
            AcceptedTalk talk = slot.talkId() == null ? null : placed.get(slot.talkId());
            return new AgendaSlotSnapshot(slot.id(), LocalDateTime.ofInstant(slot.startsAtUtc(), event.zone()),
                    LocalDateTime.ofInstant(slot.endsAtUtc(), event.zone()), slot.track(), slot.room(),
                    slot.kind().name(), slot.title(), slot.talkId(), talk == null ? List.of() : talk.speakers(),
                    talk == null ? null : talk.abstractText());
        }).toList();
    }
}
