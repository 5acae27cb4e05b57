package dev.podium.events.event;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.events.group.GroupEvents;
import jakarta.inject.Singleton;
import java.util.List;

/** The group's page lists its events as the public listing (GET /events?group=) does: never drafts. */
@Singleton
class GroupEventListing implements GroupEvents {

    private final EventService events;

    GroupEventListing(EventService events) {
        this.events = events;
    }

    @Override
    public List<Listed> upcoming(String groupSlug, int max) {
        return list(groupSlug, "upcoming", max);
    }

    @Override
    public PageView<Listed> past(String groupSlug, int page, int size) {
        PageView<EventView> past = events.list(groupSlug, "past", new PageQuery(page, size));
        return new PageView<>(past.items().stream().map(GroupEventListing::listed).toList(), past.page(), past.size(), past.total());
    }

    private List<Listed> list(String groupSlug, String when, int max) {
        return events.list(groupSlug, when, new PageQuery(0, max)).items().stream().map(GroupEventListing::listed).toList();
    }

    private static Listed listed(EventView event) {
        return new Listed(event.id(), event.title(), event.startsAt(), event.timeZone(), event.status() == EventStatus.CANCELLED);
    }
}
