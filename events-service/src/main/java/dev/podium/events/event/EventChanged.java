package dev.podium.events.event;

import dev.podium.contracts.events.ChangeKind;
import java.util.List;

/**
 * An event was changed ({@link EventService#update}): published, as a Micronaut application event, in
 * the transaction that changes it, after the row is written and before the change is announced.
 *
 * <p>A feature that keeps something in step with an event listens to it with {@code @EventListener}
 * instead of being called by the event feature: the agenda moves with the event's times, the waitlist
 * fills the seats a raised capacity frees. Micronaut calls listeners synchronously on the publishing
 * thread, so they act in the same transaction, holding the event's row lock, and their writes reach
 * the announcement ({@code EventUpdated}) and its snapshot; an exception they throw refuses the whole
 * change. Listeners declare {@code @Transactional(propagation = MANDATORY)} to say so.
 *
 * @param before the event as it was (locked)
 * @param after  the event as written
 * @param kinds  what changed, as the announcement will say
 */
public record EventChanged(Event before, Event after, List<ChangeKind> kinds) {

    public boolean changed(ChangeKind kind) {
        return kinds.contains(kind);
    }
}
