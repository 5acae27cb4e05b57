package dev.podium.calendar;

import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.parameter.PartStat;

/** An attendee's answer (RFC 5545 PARTSTAT for a VEVENT). */
public enum Participation {
    NEEDS_ACTION(PartStat.NEEDS_ACTION),
    ACCEPTED(PartStat.ACCEPTED),
    /** Podium's waitlist: a seat is hoped for, not held. */
    TENTATIVE(PartStat.TENTATIVE),
    DECLINED(PartStat.DECLINED);

    private final PartStat parameter;

    Participation(PartStat parameter) {
        this.parameter = parameter;
    }

    PartStat parameter() {
        return parameter;
    }

    /** The PARTSTAT value as iCalendar writes it ("NEEDS-ACTION"). */
    public String value() {
        return parameter.getValue();
    }

    /** The participation a PARTSTAT value names, case-insensitively; empty for the others (DELEGATED, …). */
    public static Optional<Participation> ofValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        for (Participation participation : values()) {
            if (participation.value().equals(upper)) {
                return Optional.of(participation);
            }
        }
        return Optional.empty();
    }
}
