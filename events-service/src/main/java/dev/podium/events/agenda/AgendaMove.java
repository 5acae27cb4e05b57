package dev.podium.events.agenda;

import dev.podium.contracts.events.ChangeKind;
import dev.podium.events.event.Event;
import dev.podium.events.event.EventChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Keeps an event's agenda with the event when its times change: a meetup moved by an hour takes its
 * talks along (every slot shifts as the start does), so that the update people receive shows the
 * talks at their new times. If a slot would then lie outside the event (the event was also made
 * shorter), the change is refused (422 {@code slot-outside-event}) and the organiser fixes the agenda
 * first.
 *
 * <p>It listens to {@link EventChanged}, in the transaction that changes the event, before the change
 * is announced: the event feature does not know about agendas.
 */
@Singleton
class AgendaMove {

    private final AgendaSlotRepository slots;

    AgendaMove(AgendaSlotRepository slots) {
        this.slots = slots;
    }

    @EventListener
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void onEventChanged(EventChanged changed) {
        if (changed.changed(ChangeKind.TIME)) {
            follow(changed.before(), changed.after());
        }
    }

    private void follow(Event before, Event after) {
        if (before.startsAtUtc() == null || after.startsAtUtc() == null) {
            return;
        }
        List<AgendaSlot> agenda = slots.findByEventIdOrderByPosition(after.id());
        if (agenda.isEmpty()) {
            return;
        }
        Duration shift = Duration.between(before.startsAtUtc(), after.startsAtUtc());
        List<AgendaSlot> moved = agenda.stream().map(slot -> new AgendaSlot(slot.id(), slot.eventId(), slot.position(),
                slot.startsAtUtc().plus(shift), slot.endsAtUtc().plus(shift), slot.track(), slot.room(), slot.kind(),
                slot.title(), slot.talkId())).toList();
        AgendaRules.check(IntStream.range(0, moved.size())
                .mapToObj(i -> new AgendaRules.TimedSlot(i, moved.get(i).startsAtUtc(), moved.get(i).endsAtUtc(),
                        Objects.requireNonNullElse(moved.get(i).track(), "")))
                .toList(), after.startsAtUtc(), after.endsAtUtc());
        if (!shift.isZero()) {
            slots.updateAll(moved);
        }
    }
}
