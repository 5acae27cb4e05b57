package dev.podium.talks.archive;

import dev.podium.api.PageQuery;
import dev.podium.persistence.StorableTimes;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search of the archive.
 *
 * @param q       words (all required) or a boolean-mode expression; null for all talks
 * @param booleanMode whether {@code q} may use operators ({@code -not a|b "a phrase" prefix*}, see {@link SearchQueries})
 * @param from    first day (inclusive) of the events' start, in the event's time zone
 * @param to      last day (inclusive)
 */
record ArchiveQuery(@Nullable String q, boolean booleanMode, @Nullable String tag, @Nullable String group,
                    @Nullable LocalDate from, @Nullable LocalDate to, PageQuery page) {

    static final int MAX_QUERY_LENGTH = 200;

    /**
     * Reads the search's parameters as typed.
     *
     * @throws InvalidArchiveQuery (400) naming every parameter that cannot be used; its problem type and
     *                             detail are those of the first, in the order q, mode, from, to
     */
    static ArchiveQuery of(@Nullable String q, @Nullable String mode, @Nullable String tag, @Nullable String group,
                           @Nullable String from, @Nullable String to, PageQuery page) {
        List<Violation> violations = new ArrayList<>();
        String words = q == null || q.isBlank() ? null : q.strip();
        if (words != null && words.codePointCount(0, words.length()) > MAX_QUERY_LENGTH) {
            violations.add(new Violation("q", "invalid-search-query", "Invalid search query",
                    "q must be at most " + MAX_QUERY_LENGTH + " characters", "archive.error.q.length", MAX_QUERY_LENGTH));
        }
        Boolean booleanMode = switch (mode == null || mode.isBlank() ? "natural" : mode.toLowerCase(Locale.ROOT)) {
            case "natural" -> false;
            case "boolean" -> true;
            default -> {
                violations.add(new Violation("mode", "invalid-search-mode", "Invalid search mode",
                        "mode must be natural or boolean, not " + mode, "archive.error.mode"));
                yield null;
            }
        };
        if (words != null && Boolean.TRUE.equals(booleanMode) && !wellFormedBoolean(words) && violations.isEmpty()) {
            violations.add(Violation.booleanSyntax("q is not a valid boolean-mode expression (unbalanced quotes or parentheses, or no word): "
                    + words));
        }
        LocalDate fromDate = date("from", from, violations);
        LocalDate toDate = date("to", to, violations);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            violations.add(new Violation("to", "invalid-date-range", "Invalid date range",
                    "from (" + from + ") is after to (" + to + ")", "archive.error.date.range"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArchiveQuery(violations);
        }
        return new ArchiveQuery(words, booleanMode, blankToNull(tag), blankToNull(group), fromDate, toDate, page);
    }

    /**
     * Why one parameter of a search cannot be used: what the API answers (problem {@code kind},
     * {@code title}, {@code detail}, in English) and what the page shows beside the field (the message
     * {@code messageKey} of the page's language, with {@code arguments}).
     */
    record Violation(String field, String kind, String title, String detail, String messageKey, Object... arguments) {

        static Violation booleanSyntax(String detail) {
            return new Violation("q", "invalid-search-query", "Invalid search query", detail, "archive.error.q.syntax");
        }
    }

    /**
     * Unbalanced quotes or parentheses, or no word at all: the search index's parser would read them
     * somehow (it never fails), but the reader more likely mistyped, and is told so (400).
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

    @Nullable
    private static LocalDate date(String name, @Nullable String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!StorableTimes.storable(date)) {
                violations.add(new Violation(name, "invalid-date", "Invalid date",
                        name + " must be between the years 1900 and 9998, not " + value, "archive.error.date.years"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "invalid-date", "Invalid date",
                    name + " must be a date such as 2018-03-07, not " + value, "archive.error.date"));
            return null;
        }
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
