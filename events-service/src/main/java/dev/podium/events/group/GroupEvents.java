package dev.podium.events.group;

import dev.podium.api.PageView;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A group's events as its page lists them. The event feature provides it: the group's page needs them,
 * but the group feature does not depend on events, which depend on groups.
 */
public interface GroupEvents {

    /** Upcoming events (soonest first, then those whose date is to be announced), at most {@code max}. */
    List<Listed> upcoming(String groupSlug, int max);

    /** Past events, latest first: page {@code page} (from 0) of {@code size}, with the count of all. */
    PageView<Listed> past(String groupSlug, int page, int size);

    record Listed(String id, String title, @Nullable LocalDateTime startsAt, String timeZone, boolean cancelled) {
    }
}
