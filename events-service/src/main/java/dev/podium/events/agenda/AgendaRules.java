package dev.podium.events.agenda;

import dev.podium.api.RuleViolation;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Slots lie inside the event and do not overlap within a track. */
final class AgendaRules {

    private AgendaRules() {
    }

    record TimedSlot(int index, Instant start, Instant end, String track) {
    }

    static void check(List<TimedSlot> slots, Instant eventStart, Instant eventEnd) {
        for (TimedSlot slot : slots) {
            if (!slot.end().isAfter(slot.start())) {
                throw violation("slot-ends-before-start", "A slot ends before it starts", slot, "endsAt must be after startsAt");
            }
            if (slot.start().isBefore(eventStart) || slot.end().isAfter(eventEnd)) {
                throw violation("slot-outside-event", "A slot lies outside the event", slot,
                        "Every slot must lie between the event's start and end");
            }
        }
        Map<String, TimedSlot> lastInTrack = new HashMap<>();
        slots.stream()
                .sorted(Comparator.comparing(TimedSlot::start).thenComparing(TimedSlot::end))
                .forEach(slot -> {
                    TimedSlot previous = lastInTrack.get(slot.track());
                    if (previous != null && slot.start().isBefore(previous.end())) {
                        throw new RuleViolation("slot-overlap", "Slots overlap",
                                "Slots " + previous.index() + " and " + slot.index() + " overlap in track "
                                        + (Objects.equals(slot.track(), "") ? "(main)" : slot.track()),
                                Map.of("slots", List.of(previous.index(), slot.index())));
                    }
                    if (previous == null || slot.end().isAfter(previous.end())) {
                        lastInTrack.put(slot.track(), slot);
                    }
                });
    }

    private static RuleViolation violation(String kind, String title, TimedSlot slot, String detail) {
        return new RuleViolation(kind, title, "Slot " + slot.index() + ": " + detail, Map.of("slot", slot.index()));
    }
}
