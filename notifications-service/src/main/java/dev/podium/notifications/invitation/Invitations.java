package dev.podium.notifications.invitation;

import dev.podium.calendar.Attendee;
import dev.podium.calendar.CalendarMethod;
import dev.podium.calendar.Invitation;
import dev.podium.calendar.Organizer;
import dev.podium.calendar.Participation;
import dev.podium.contracts.events.EventSnapshot;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The calendar part of notifications: rendered once per notification ({@link #shared}), with the
 * group as ORGANIZER at the reply address, then completed per copy ({@link #forRecipient}) with the
 * recipient's signed UID and their ATTENDEE line.
 */
@Singleton
public class Invitations {

    private final InvitationSettings settings;
    private final InvitationUids uids;
    private final Clock clock;

    Invitations(InvitationSettings settings, InvitationUids uids, Clock clock) {
        this.settings = settings;
        this.uids = uids;
        this.clock = clock;
    }

    /** The invitation (REQUEST) or its cancellation (CANCEL) every recipient shares; null while the event has no date. */
    @Nullable
    public String shared(EventSnapshot event, CalendarMethod method) {
        if (event.startsAt() == null || event.endsAt() == null) {
            return null;
        }
        return Invitation.shared(event, method, new Organizer(event.groupName(), settings.getOrganizerAddress()), clock.instant());
    }

    /**
     * @param participation the recipient's PARTSTAT as stored on their delivery; null for someone
     *                      who has not answered (a member invited by an announcement)
     */
    public String forRecipient(String sharedCalendar, String eventId, String address, @Nullable String name,
                               @Nullable String participation) {
        Participation answer = Participation.ofValue(participation).orElse(Participation.NEEDS_ACTION);
        return Invitation.forAttendee(sharedCalendar, uids.issue(eventId, address), new Attendee(address, name, answer));
    }
}
