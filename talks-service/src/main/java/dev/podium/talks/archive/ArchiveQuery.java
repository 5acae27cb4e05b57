package dev.podium.talks.archive;

import dev.podium.api.BadRequest;
import dev.podium.api.PageQuery;
import dev.podium.persistence.StorableTimes;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A search of the archive.
 *
 * @param q       words (natural language mode) or a boolean-mode expression; null for all talks
 * @param booleanMode whether {@code q} is in MySQL's boolean mode ({@code +must -not "a phrase" prefix*})
 * @param from    first day (inclusive) of the events' start, in the event's time zone
 * @param to      last day (inclusive)
 */
record ArchiveQuery(@Nullable String q, boolean booleanMode, @Nullable String tag, @Nullable String group,
                    @Nullable LocalDate from, @Nullable LocalDate to, PageQuery page) {

    static final int MAX_QUERY_LENGTH = 200;

    static ArchiveQuery of(@Nullable String q, @Nullable String mode, @Nullable String tag, @Nullable String group,
                           @Nullable String from, @Nullable String to, PageQuery page) {
        String words = q == null || q.isBlank() ? null : q.strip();
        if (words != null && words.codePointCount(0, words.length()) > MAX_QUERY_LENGTH) {
            throw new BadRequest("invalid-search-query", "Invalid search query",
                    "q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        boolean booleanMode = switch (mode == null || mode.isBlank() ? "natural" : mode.toLowerCase(Locale.ROOT)) {
            case "natural" -> false;
            case "boolean" -> true;
            default -> throw new BadRequest("invalid-search-mode", "Invalid search mode",
                    "mode must be natural or boolean, not " + mode);
        };
        if (words != null && booleanMode && !wellFormedBoolean(words)) {
            throw new BadRequest("invalid-search-query", "Invalid search query",
                    "q is not a valid boolean-mode expression (unbalanced quotes or parentheses, or no word): " + words);
        }
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadRequest("invalid-date-range", "Invalid date range", "from (" + from + ") is after to (" + to + ")");
        }
        return new ArchiveQuery(words, booleanMode, blankToNull(tag), blankToNull(group), fromDate, toDate, page);
    }

    /**
     * A first check of boolean-mode syntax, so malformed expressions get the same 400 on MySQL and
     * MariaDB (whose full-text parsers differ on what they reject); the database has the last word.
     */
    static boolean wellFormedBoolean(String q) {
        if (q.chars().filter(c -> c == '"').count() % 2 != 0) {
            return false;
        }
        int depth = 0;
        for (char c : q.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0 && q.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!StorableTimes.storable(date)) {
                throw new BadRequest("invalid-date", "Invalid date", name + " must be between the years 1900 and 9998, not " + value);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid-date", "Invalid date", name + " must be a date such as 2018-03-07, not " + value);
        }
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
