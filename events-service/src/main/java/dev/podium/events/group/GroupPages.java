package dev.podium.events.group;

import dev.podium.events.support.FormInput;
import dev.podium.events.support.PageDates;
import dev.podium.pages.PageLanguage;
import dev.podium.pages.SafeMarkdown;
import io.micronaut.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model of a group's page (template {@code groups/group}) and of its join form's answers. */
final class GroupPages {

    static final int LISTED = 20;

    private GroupPages() {
    }

    record Item(String path, String title, String when, boolean cancelled) {
    }

    static Map<String, Object> model(GroupView group, GroupEvents events, HttpRequest<?> request, FormInput join) {
        Locale locale = PageLanguage.of(request).locale();
        Map<String, Object> model = new HashMap<>();
        model.put("group", group);
        model.put("descriptionHtml", SafeMarkdown.toHtml(group.description()));
        model.put("upcoming", items(events.upcoming(group.slug(), LISTED), locale));
        model.put("past", items(events.past(group.slug(), LISTED), locale));
        model.put("feedPath", "/groups/" + group.slug() + "/calendar.ics");
        String host = PageDates.host(request);
        model.put("feedWebcal", host == null ? null : "webcal://" + host + "/groups/" + group.slug() + "/calendar.ics");
        model.put("join", join);
        model.put("lang", locale.getLanguage());
        return model;
    }

    static Map<String, Object> result(GroupView group, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("group", group);
        model.put("groupPath", "/groups/" + group.slug());
        model.put("lang", PageLanguage.of(request).code());
        return model;
    }

    private static List<Item> items(List<GroupEvents.Listed> events, Locale locale) {
        return events.stream().map(event -> new Item("/events/" + event.id(), event.title(),
                event.startsAt() == null ? null : PageDates.day(event.startsAt().toLocalDate(), locale) + ", "
                        + PageDates.time(event.startsAt()) + " (" + event.timeZone() + ")", event.cancelled())).toList();
    }
}
