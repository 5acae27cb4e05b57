package dev.podium.talks.cfp;

import dev.podium.api.Conflict;
import dev.podium.api.NotYetKnown;
import dev.podium.api.ReadModelWait;
import dev.podium.api.ReadModelWait.Fact;
import dev.podium.talks.catalog.Catalog;
import dev.podium.talks.catalog.KnownEvent;
import dev.podium.talks.catalog.KnownGroup;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Finds events and groups' open calls in the read model of events-service's events and groups.
 * Something it does not hold is not known yet rather than missing (it may have been created a
 * moment ago, its message still on the way): 409 {@link NotYetKnown} with Retry-After, never 404.
 * Requests that change something first {@code await…} it, outside their transaction, for at most
 * {@code podium.read-models.wait}; reads and the lookups inside a transaction answer at once.
 */
@Singleton
public class Targets {

    static final String SOURCE = "events-service";

    private final Catalog catalog;
    private final ReadModelWait readModel;

    Targets(Catalog catalog, ReadModelWait readModel) {
        this.catalog = catalog;
        this.readModel = readModel;
    }

    /**
     * Waits, outside any transaction, until the read model knows the event and its group (whose
     * organisers may act on it; groups come on another topic, so either may arrive first); 409
     * not-yet-known if it does not in time.
     */
    public void awaitEvent(String eventId) {
        KnownEvent event = readModel.await(eventFact(eventId), () -> catalog.event(eventId));
        readModel.await(groupFact(event.groupSlug()), () -> catalog.group(event.groupId()));
    }

    /** Waits, outside any transaction, until the read model knows the group; 409 not-yet-known if it does not in time. */
    public void awaitGroup(String slug) {
        readModel.await(groupFact(slug), () -> catalog.groupBySlug(slug));
    }

    /** Waits for what a submission names, when it names exactly one event or group (else the submission is refused anyway). */
    public void awaitTarget(@Nullable String eventId, @Nullable String groupSlug) {
        boolean event = eventId != null && !eventId.isBlank();
        boolean group = groupSlug != null && !groupSlug.isBlank();
        if (event && !group) {
            awaitEvent(eventId);
        } else if (group && !event) {
            awaitGroup(groupSlug);
        }
    }

    /** The event named in a path: 409 not-yet-known when the read model does not hold it. */
    public Target event(String eventId) {
        return of(readModel.require(eventFact(eventId), catalog.event(eventId)));
    }

    /** The group named in a path: 409 not-yet-known when the read model does not hold it. */
    public Target group(String slug) {
        return of(readModel.require(groupFact(slug), catalog.groupBySlug(slug)));
    }

    /** The event a request body names: 409 not-yet-known when the read model does not hold it, 409 when cancelled or over. */
    public Target eventToSubmitTo(String eventId) {
        Target target = event(eventId);
        requireOpenForTalks(target.event());
        return target;
    }

    /** The group a request body names: 409 not-yet-known when the read model does not hold it. */
    public Target groupToSubmitTo(String slug) {
        return group(slug);
    }

    public static void requireOpenForTalks(KnownEvent event) {
        if (event.cancelled()) {
            throw new Conflict("event-cancelled", "Event cancelled", "Event " + event.id() + " (" + event.title() + ") was cancelled");
        }
        if (event.completed()) {
            throw new Conflict("event-completed", "Event over", "Event " + event.id() + " (" + event.title() + ") has taken place");
        }
    }

    private static Fact eventFact(String eventId) {
        return new Fact("event", eventId, SOURCE, "created");
    }

    private static Fact groupFact(String slug) {
        return new Fact("group", slug, SOURCE, "created",
                "check the group's slug: one that never existed looks the same from here.");
    }

    private static Target of(KnownEvent event) {
        return new Target(Target.Type.EVENT, event.id(), event.groupId(), event.groupSlug(), event);
    }

    private static Target of(KnownGroup group) {
        return new Target(Target.Type.GROUP, group.id(), group.id(), group.slug(), null);
    }
}
