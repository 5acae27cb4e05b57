package dev.podium.notifications.trigger;

import dev.podium.api.NotFound;
import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.messaging.causality.Watermarks;
import dev.podium.messaging.inbox.DeferredMessages;
import dev.podium.notifications.access.NotificationAccess;
import dev.podium.notifications.audience.KnownEvents;
import dev.podium.notifications.notification.NotificationViews.WaitingView;
import dev.podium.security.Caller;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * What an organiser sees of an event's messages that notifications-service holds back until it
 * knows the facts they depend on: "waiting for 1941 membership changes of the group" rather than an
 * announcement that silently went to the 59 members known so far. The messages are the events
 * consumer's ({@link ConsumerNames#EVENTS}), so this feature answers for them ({@link WaitingController}).
 */
@Singleton
public class WaitingMessages {

    private final DeferredMessages deferred;
    private final Watermarks watermarks;
    private final KnownEvents events;
    private final MessageCodec codec;
    private final NotificationAccess access;

    WaitingMessages(DeferredMessages deferred, Watermarks watermarks, KnownEvents events, MessageCodec codec,
                    NotificationAccess access) {
        this.deferred = deferred;
        this.watermarks = watermarks;
        this.events = events;
        this.codec = codec;
        this.access = access;
    }

    /** The event's waiting messages, oldest first; 404 for an event the caller may not see (or nobody has heard of). */
    public List<WaitingView> of(Caller caller, String eventId) {
        List<DeferredMessages.Waiting> waiting = deferred.waiting(ConsumerNames.EVENTS, eventId);
        String groupId = events.find(eventId).map(event -> event.groupId())
                .or(() -> waiting.stream().map(this::groupOf).flatMap(Optional::stream).findFirst())
                .orElseThrow(() -> new NotFound("event", eventId));
        if (!access.scopeOf(caller).covers(eventId, groupId)) {
            throw new NotFound("event", eventId);
        }
        return waiting.stream().map(this::view).toList();
    }

    private WaitingView view(DeferredMessages.Waiting waiting) {
        StreamVersion needed = waiting.waitingFor();
        if (needed == null) {
            return new WaitingView(waiting.type(), null, 0, 0, 0, waiting.deferredAt(),
                    "Queued behind an earlier message about this event, which waits for facts it depends on");
        }
        long known = Math.min(watermarks.known(needed.stream()), needed.version());
        long missing = needed.version() - known;
        String what = needed.stream().startsWith("event-registrations/") ? "RSVP changes of the event" : "membership changes of the group";
        return new WaitingView(waiting.type(), needed.stream(), known, needed.version(), missing, waiting.deferredAt(),
                "Waiting for %d %s to be known (%d of %d) before acting on it".formatted(missing, what, known, needed.version()));
    }

    private Optional<String> groupOf(DeferredMessages.Waiting waiting) {
        return Optional.of(codec.decode(waiting.payload())).map(DecodedMessage::data).map(data -> {
            if (data instanceof EventPublished published) {
                return published.event().groupId();
            } else if (data instanceof EventUpdated updated) {
                return updated.event().groupId();
            } else if (data instanceof EventCancelled cancelled) {
                return cancelled.event().groupId();
            }
            return null;
        });
    }
}
