package dev.podium.events.event;

import dev.podium.contracts.events.EventCompleted;
import dev.podium.messaging.outbox.Outbox;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Marks published events COMPLETED once they have ended. Every replica runs it; the rows are taken
 * with {@code FOR UPDATE SKIP LOCKED} and the status condition, so each event completes once.
 */
@Singleton
public class EventCompletionJob {

    private final EventRepository events;
    private final EventSnapshots snapshots;
    private final Outbox outbox;
    private final Clock clock;

    EventCompletionJob(EventRepository events, EventSnapshots snapshots, Outbox outbox, Clock clock) {
        this.events = events;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${podium.events.completion-interval:1m}", initialDelay = "10s")
    @Transactional
    public int completeEndedEvents() {
        Instant now = clock.instant();
        List<Event> ended = events.lockEndedEvents(now);
        for (Event event : ended) {
            Event completed = events.update(event.withStatus(EventStatus.COMPLETED, null, now));
            outbox.append(new EventCompleted(snapshots.snapshot(completed), now));
        }
        return ended.size();
    }
}
