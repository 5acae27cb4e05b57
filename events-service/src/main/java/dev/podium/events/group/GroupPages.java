package dev.podium.events.group;

import dev.podium.api.PageView;
import dev.podium.events.support.FormInput;
import dev.podium.events.support.PageDates;
import dev.podium.pages.JsonLd;
import dev.podium.pages.PageLanguage;
import dev.podium.pages.SafeMarkdown;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model of a group's page (template {@code groups/group}) and of its join form's answers. The
 * page lists the upcoming events and one page of past ones ({@code ?past=2} for the next older), and
 * describes the group to search engines as a schema.org {@code Organization} with its upcoming events.
 */
@Singleton
class GroupPages {

    static final int LISTED = 20;
    /** The query parameter of the past events' page, counted from 1 as people read it. */
    static final String PAST_PAGE = "past";

    private final GroupEvents events;
    private final String publicUrl;

    GroupPages(GroupEvents events, @Value("${podium.events.public-url}") String publicUrl) {
        this.events = events;
        this.publicUrl = publicUrl;
    }

    record Item(String path, String title, String when, boolean cancelled) {
    }

    /** @param pastPage the past events' page as the link gives it; anything but a page number there is the first */
    Map<String, Object> model(GroupView group, HttpRequest<?> request, FormInput join, @Nullable String pastPage) {
        Locale locale = PageLanguage.of(request).locale();
        int past = pageIndex(pastPage);
        List<GroupEvents.Listed> upcoming = events.upcoming(group.slug(), LISTED);
        PageView<GroupEvents.Listed> older = events.past(group.slug(), past, LISTED);
        Map<String, Object> model = new HashMap<>();
        model.put("group", group);
        model.put("descriptionHtml", SafeMarkdown.toHtml(group.description()));
        model.put("upcoming", items(upcoming, locale));
        model.put("past", items(older.items(), locale));
        model.put("newerPastPath", past > 0 ? pastPath(past - 1, request) : null);
        model.put("olderPastPath", (long) (past + 1) * LISTED < older.total() ? pastPath(past + 1, request) : null);
        model.put("feedPath", "/groups/" + group.slug() + "/calendar.ics");
        String host = PageDates.host(request);
        model.put("feedWebcal", host == null ? null : "webcal://" + host + "/groups/" + group.slug() + "/calendar.ics");
        model.put("join", join);
        model.put("lang", locale.getLanguage());
        model.put("url", groupUrl(group));
        model.put("jsonLd", JsonLd.of(structuredData(group, upcoming)));
        return model;
    }

    static Map<String, Object> result(GroupView group, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("group", group);
        model.put("groupPath", "/groups/" + group.slug());
        model.put("lang", PageLanguage.of(request).code());
        return model;
    }

    /** schema.org {@code Organization}: the group, its page and its upcoming events (those with a date). */
    Map<String, Object> structuredData(GroupView group, List<GroupEvents.Listed> upcoming) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Organization");
        data.put("name", group.name());
        data.put("description", group.description());
        data.put("url", groupUrl(group));
        List<Map<String, Object>> dated = upcoming.stream().filter(event -> event.startsAt() != null && !event.cancelled())
                .map(event -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("@type", "Event");
                    item.put("name", event.title());
                    item.put("startDate", event.startsAt().atZone(ZoneId.of(event.timeZone())).toOffsetDateTime().toString());
                    item.put("url", publicUrl + "/events/" + event.id());
                    return item;
                }).toList();
        if (!dated.isEmpty()) {
            data.put("event", dated);
        }
        return data;
    }

    private String groupUrl(GroupView group) {
        return publicUrl + "/groups/" + group.slug();
    }

    private static int pageIndex(@Nullable String page) {
        try {
            return page == null ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()), 100_000) - 1);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** A link to a page of past events that keeps a language the reader chose. */
    private static String pastPath(int index, HttpRequest<?> request) {
        String language = request.getParameters().get(PageLanguage.PARAMETER);
        return "?" + PAST_PAGE + "=" + (index + 1) + (PageLanguage.parse(language).isPresent() ? "&lang=" + language.strip() : "")
                + "#past";
    }

    private static List<Item> items(List<GroupEvents.Listed> events, Locale locale) {
        return events.stream().map(event -> new Item("/events/" + event.id(), event.title(),
                event.startsAt() == null ? null : PageDates.day(event.startsAt().toLocalDate(), locale) + ", "
                        + PageDates.time(event.startsAt()) + " (" + event.timeZone() + ")", event.cancelled())).toList();
    }
}
