package dev.podium.events.event;

import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.events.support.FormInput;
import dev.podium.events.support.PageDates;
import dev.podium.events.venue.VenueView;
import dev.podium.pages.JsonLd;
import dev.podium.pages.PageLanguage;
import dev.podium.pages.SafeMarkdown;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model of an event's page (template {@code events/event}): what {@link EventDetails} holds, written
 * for people in the page's language, with its schema.org {@code Event} and Open Graph description.
 */
public final class EventPage {

    private static final int OG_DESCRIPTION_LENGTH = 200;

    private EventPage() {
    }

    public record Slot(String time, String kind, String title, List<String> speakers, String abstractHtml) {
    }

    public record Day(String heading, List<Slot> slots) {
    }

    public static Map<String, Object> model(EventDetails details, HttpRequest<?> request, FormInput rsvp) {
        Locale locale = PageLanguage.of(request).locale();
        EventView event = details.view();
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("details", details);
        model.put("when", event.startsAt() == null ? null
                : PageDates.span(event.startsAt(), event.endsAt(), event.timeZone(), locale));
        model.put("previously", details.previousStart() == null ? null
                : PageDates.day(details.previousStart().toLocalDate(), locale) + ", "
                        + PageDates.time(details.previousStart().toLocalDateTime()));
        model.put("mapUrl", event.venue() == null ? null : mapUrl(event.venue()));
        model.put("descriptionHtml", SafeMarkdown.toHtml(event.description()));
        model.put("days", days(details.agenda(), locale));
        model.put("seatsLeft", event.capacity() == null ? null : Math.max(0, event.capacity() - event.confirmed()));
        model.put("full", event.capacity() != null && event.confirmed() >= event.capacity());
        model.put("rsvpOpen", details.rsvpWindow() == Event.RsvpWindow.OPEN);
        model.put("groupPath", "/groups/" + event.groupSlug());
        model.put("feedPath", "/groups/" + event.groupSlug() + "/calendar.ics");
        String host = PageDates.host(request);
        model.put("feedWebcal", "webcal://" + (host != null ? host : URI.create(details.groupUrl()).getRawAuthority())
                + "/groups/" + event.groupSlug() + "/calendar.ics");
        model.put("rsvp", rsvp);
        model.put("lang", locale.getLanguage());
        model.put("ogDescription", ogDescription(event, (String) model.get("when")));
        model.put("jsonLd", JsonLd.of(structuredData(details)));
        return model;
    }

    /** OpenStreetMap's search for the venue's address (Podium keeps no coordinates). */
    static String mapUrl(VenueView venue) {
        String query = venue.address() + ", " + venue.city() + ", " + venue.country();
        return "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static List<Day> days(List<AgendaSlotSnapshot> agenda, Locale locale) {
        Map<LocalDate, List<Slot>> byDay = new LinkedHashMap<>();
        for (AgendaSlotSnapshot slot : agenda) {
            byDay.computeIfAbsent(slot.startsAt().toLocalDate(), day -> new ArrayList<>()).add(new Slot(
                    PageDates.time(slot.startsAt()) + "–" + PageDates.time(slot.endsAt()), slot.kind(), slot.title(),
                    slot.speakers().stream().map(EventPage::speaker).toList(), SafeMarkdown.toHtml(slot.abstractText())));
        }
        return byDay.entrySet().stream().map(day -> new Day(PageDates.day(day.getKey(), locale), day.getValue())).toList();
    }

    private static String speaker(SpeakerRef speaker) {
        return speaker.affiliation() == null || speaker.affiliation().isBlank()
                ? speaker.name() : speaker.name() + ", " + speaker.affiliation();
    }

    private static String ogDescription(EventView event, @Nullable String when) {
        String text = event.description() != null && !event.description().isBlank()
                ? event.description().replaceAll("[#*_`>\\[\\]]", "").replaceAll("\\s+", " ").strip()
                : when == null ? event.title() : when;
        return text.length() <= OG_DESCRIPTION_LENGTH ? text : text.substring(0, OG_DESCRIPTION_LENGTH - 1).strip() + "…";
    }

    /** schema.org {@code Event}, as search engines and calendar tools read it. */
    static Map<String, Object> structuredData(EventDetails details) {
        EventView event = details.view();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Event");
        data.put("name", event.title());
        data.put("description", event.description());
        data.put("url", event.url());
        data.put("startDate", details.start());
        data.put("endDate", details.end());
        data.put("eventStatus", "https://schema.org/" + status(details));
        if (details.rescheduled()) {
            data.put("previousStartDate", details.previousStart());
        }
        data.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        if (event.venue() != null) {
            VenueView venue = event.venue();
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            address.put("streetAddress", venue.address());
            address.put("addressLocality", venue.city());
            address.put("addressCountry", venue.country());
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put("name", venue.name());
            place.put("address", address);
            data.put("location", place);
        }
        data.put("organizer", Map.of("@type", "Organization", "name", details.groupName(), "url", details.groupUrl()));
        List<Object> performers = performers(details.agenda());
        if (!performers.isEmpty()) {
            data.put("performer", performers);
        }
        if (event.status() == EventStatus.PUBLISHED) {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("@type", "Offer");
            offer.put("price", 0);
            offer.put("availability", "https://schema.org/"
                    + (event.capacity() != null && event.confirmed() >= event.capacity() ? "SoldOut" : "InStock"));
            offer.put("url", event.url());
            data.put("offers", offer);
            data.put("isAccessibleForFree", true);
        }
        return data;
    }

    private static String status(EventDetails details) {
        if (details.view().status() == EventStatus.CANCELLED) {
            return "EventCancelled";
        }
        if (details.start() == null) {
            return "EventPostponed";
        }
        return details.rescheduled() ? "EventRescheduled" : "EventScheduled";
    }

    private static List<Object> performers(List<AgendaSlotSnapshot> agenda) {
        Set<String> seen = new LinkedHashSet<>();
        List<Object> performers = new ArrayList<>();
        for (SpeakerRef speaker : agenda.stream().flatMap(slot -> slot.speakers().stream()).collect(Collectors.toList())) {
            if (seen.add(speaker.speakerId() != null ? speaker.speakerId() : speaker.name())) {
                Map<String, Object> person = new LinkedHashMap<>();
                person.put("@type", "Person");
                person.put("name", speaker.name());
                if (speaker.affiliation() != null && !speaker.affiliation().isBlank()) {
                    person.put("affiliation", Map.of("@type", "Organization", "name", speaker.affiliation()));
                }
                performers.add(person);
            }
        }
        return performers;
    }
}
