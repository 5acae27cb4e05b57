package dev.podium.talks.cfp;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.talks.catalog.Catalog;
import dev.podium.talks.catalog.KnownEvent;
import dev.podium.talks.catalog.KnownGroup;
import dev.podium.talks.support.TalksProblem;
import jakarta.inject.Singleton;

/** Finds events and groups' open calls in the read model. */
@Singleton
public class Targets {

    private final Catalog catalog;

    Targets(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The event named in a path: 404 not-found when unknown. */
    public Target event(String eventId) {
        return catalog.event(eventId).map(Targets::of).orElseThrow(() -> new NotFound("event", eventId));
    }

    /** The group named in a path: 404 not-found when unknown. */
    public Target group(String slug) {
        return catalog.groupBySlug(slug).map(Targets::of).orElseThrow(() -> new NotFound("group", slug));
    }

    /** The event a request body names: 404 unknown-event when unknown, 409 when cancelled or over. */
    public Target eventToSubmitTo(String eventId) {
        Target target = catalog.event(eventId).map(Targets::of).orElseThrow(() -> TalksProblem.unknown("event", eventId));
        requireOpenForTalks(target.event());
        return target;
    }

    /** The group a request body names: 404 unknown-group when unknown. */
    public Target groupToSubmitTo(String slug) {
        return catalog.groupBySlug(slug).map(Targets::of).orElseThrow(() -> TalksProblem.unknown("group", slug));
    }

    public static void requireOpenForTalks(KnownEvent event) {
        if (event.cancelled()) {
            throw new Conflict("event-cancelled", "Event cancelled", "Event " + event.id() + " (" + event.title() + ") was cancelled");
        }
        if (event.completed()) {
            throw new Conflict("event-completed", "Event over", "Event " + event.id() + " (" + event.title() + ") has taken place");
        }
    }

    private static Target of(KnownEvent event) {
        return new Target(Target.Type.EVENT, event.id(), event.groupId(), event.groupSlug(), event);
    }

    private static Target of(KnownGroup group) {
        return new Target(Target.Type.GROUP, group.id(), group.id(), group.slug(), null);
    }
}
