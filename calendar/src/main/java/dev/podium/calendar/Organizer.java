package dev.podium.calendar;

import java.util.List;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.parameter.Cn;

/**
 * Who sends an invitation (RFC 5546 ORGANIZER): the group, by its name, at an address Podium reads,
 * since attendees' calendars send their REPLY there.
 */
public record Organizer(String name, String address) {

    public Organizer {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("An organizer needs an address for replies");
        }
    }

    net.fortuna.ical4j.model.property.Organizer property() {
        return new net.fortuna.ical4j.model.property.Organizer(new ParameterList(List.of(new Cn(CommonName.of(name)))),
                MailtoAddress.uri(address));
    }
}
