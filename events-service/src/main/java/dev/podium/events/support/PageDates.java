package dev.podium.events.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as the pages write them, in the page's language and the event's zone. */
public final class PageDates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PageDates() {
    }

    /** "Tuesday 7 March 2027" / "mardi 7 mars 2027". */
    public static String day(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(date);
    }

    public static String time(LocalDateTime time) {
        return TIME.format(time);
    }

    /** "Tuesday 7 March 2027, 19:00–22:00 (Europe/Paris)"; across days, both ends in full. */
    public static String span(LocalDateTime start, LocalDateTime end, String zone, Locale locale) {
        String text = start.toLocalDate().equals(end.toLocalDate())
                ? day(start.toLocalDate(), locale) + ", " + time(start) + "–" + time(end)
                : day(start.toLocalDate(), locale) + ", " + time(start) + " – " + day(end.toLocalDate(), locale) + ", " + time(end);
        return text + " (" + zone + ")";
    }

    /** The host the reader reached this service by (behind a proxy, the one it forwarded), for links of other schemes. */
    @Nullable
    public static String host(HttpRequest<?> request) {
        String host = request.getHeaders().get("X-Forwarded-Host", String.class)
                .orElseGet(() -> request.getHeaders().get(HttpHeaders.HOST));
        if (host == null) {
            return null;
        }
        String first = host.split(",")[0].strip();
        return first.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?") ? first : null;
    }
}
