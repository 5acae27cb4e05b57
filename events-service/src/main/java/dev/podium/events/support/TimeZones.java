package dev.podium.events.support;

import dev.podium.api.BadRequest;
import java.time.DateTimeException;
import java.time.ZoneId;

/** IANA time zones given by clients. */
public final class TimeZones {

    private TimeZones() {
    }

    public static ZoneId parse(String zone) {
        if (zone == null || !zone.contains("/") && !"UTC".equals(zone)) {
            throw unknown(zone);
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw unknown(zone);
        }
    }

    private static BadRequest unknown(String zone) {
        return new BadRequest("unknown-time-zone", "Unknown time zone",
                "'" + zone + "' is not an IANA time zone such as Europe/Paris or Asia/Singapore");
    }
}
