package dev.podium.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * The times a MySQL {@code DATETIME} column holds and a calendar shows: years {@value #FIRST_YEAR}
 * to {@value #LAST_YEAR}. A year 275760 parses as an ISO instant but no database stores it. The
 * API's {@code @StorableTime} constraint (api-support) applies this check to requests.
 */
public final class StorableTimes {

    public static final int FIRST_YEAR = 1900;
    // 9998, not 9999: a local time late on 31 December 9999 is in the year 10000 in UTC.
    public static final int LAST_YEAR = 9998;

    private StorableTimes() {
    }

    public static boolean storable(Temporal value) {
        int year;
        if (value instanceof Instant instant) {
            year = instant.atOffset(ZoneOffset.UTC).getYear();
        } else if (value instanceof LocalDateTime local) {
            year = local.getYear();
        } else if (value instanceof LocalDate date) {
            year = date.getYear();
        } else {
            return true;
        }
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
