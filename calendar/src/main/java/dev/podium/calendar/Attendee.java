package dev.podium.calendar;

import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;

/**
 * The recipient of one copy of an invitation (RFC 5546 ATTENDEE): a required participant, asked to
 * answer ({@code RSVP=TRUE}) so that their calendar offers Yes / No and sends the answer back.
 */
public record Attendee(String address, String name, Participation participation) {

    public Attendee {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("An attendee needs an address");
        }
        participation = participation == null ? Participation.NEEDS_ACTION : participation;
    }

    net.fortuna.ical4j.model.property.Attendee property() {
        List<Parameter> parameters = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            parameters.add(new Cn(CommonName.of(name)));
        }
        parameters.add(Role.REQ_PARTICIPANT);
        parameters.add(participation.parameter());
        parameters.add(Rsvp.TRUE);
        return new net.fortuna.ical4j.model.property.Attendee(new ParameterList(parameters), MailtoAddress.uri(address));
    }
}
