package dev.podium.talks.support;

import io.micronaut.core.annotation.Nullable;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * When an event starts, as a page shows it: the wall-clock time events-service set, in the event's
 * own time zone, which is named ("7 March 2018", "19:00", "Central European Standard Time"), in the
 * reader's language; and the same moment in ISO 8601 for {@code <time datetime>} and structured data.
 *
 * @param isoDateTime the local time with its offset, e.g. {@code 2018-03-07T19:00+01:00}
 * @param isoDate     the local date, e.g. {@code 2018-03-07}
 */
public record ShownTime(String isoDateTime, String isoDate, String date, String time, String zone) {

    /** @return null when the date is not set yet */
    @Nullable
    public static ShownTime of(@Nullable LocalDateTime local, @Nullable String timeZone, Locale locale) {
        if (local == null) {
            return null;
        }
        ZonedDateTime at = local.atZone(zone(timeZone));
        return new ShownTime(at.toOffsetDateTime().toString(), local.toLocalDate().toString(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at),
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at),
                DateTimeFormatter.ofPattern("zzzz", locale).format(at));
    }

    /** The event's zone; one this JVM does not know (a newer tz database upstream) is shown as UTC rather than failing the page. */
    private static ZoneId zone(@Nullable String timeZone) {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
