package dev.podium.talks.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * How far the index has read {@code archive_change}. Ids are taken when a change is written but
 * become visible when its transaction commits, so a later id can be seen before an earlier one: a
 * hole behind the highest id read is remembered as missing and asked for again, until it shows up or
 * has been missing for longer than any transaction lasts (a rolled-back insert, or ids the database
 * reserved and never used, leave holes for good). The index records {@link #safePoint()}: every change
 * up to it is in the index, so a restart that resumes there misses none (and redoes a few, harmlessly).
 */
final class ChangeCursor {

    /** Holes remembered at most; beyond it the oldest are given up (a safe point too far back only costs replays). */
    private static final int MAX_MISSING = 100_000;

    private final Duration holeWait;
    private final TreeMap<Long, Instant> missingSince = new TreeMap<>();
    private long highest;

    ChangeCursor(long safePoint, Duration holeWait) {
        this.highest = safePoint;
        this.holeWait = holeWait;
    }

    /** The highest id read: the next read starts after it. */
    long highest() {
        return highest;
    }

    /** The holes still waited for, to be asked for by id. */
    List<Long> missing() {
        return List.copyOf(missingSince.keySet());
    }

    /** Records ids read (after {@link #highest()}, or holes that showed up). */
    void read(Collection<Long> ids, Instant now) {
        for (long id : ids.stream().sorted().toList()) {
            if (id > highest) {
                for (long hole = highest + 1; hole < id && missingSince.size() < MAX_MISSING; hole++) {
                    missingSince.put(hole, now);
                }
                highest = id;
            } else {
                missingSince.remove(id);
            }
        }
        missingSince.values().removeIf(since -> Duration.between(since, now).compareTo(holeWait) > 0);
        while (missingSince.size() > MAX_MISSING) {
            missingSince.pollFirstEntry();
        }
    }

    /** Every change with an id up to this one has been read. */
    long safePoint() {
        return missingSince.isEmpty() ? highest : missingSince.firstKey() - 1;
    }
}
