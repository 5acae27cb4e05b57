package dev.podium.notifications.trigger;

import dev.podium.calendar.CalendarMethod;
import dev.podium.calendar.Participation;
import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.notifications.audience.KnownEvents;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.email.EmailLanguage;
import dev.podium.notifications.email.EventModel;
import dev.podium.notifications.notification.NewNotification;
import dev.podium.notifications.notification.NotificationKind;
import dev.podium.notifications.notification.Notifications;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells an attendee where their RSVP stands (confirmed, waitlisted, promoted, cancelled), with the
 * signed link that manages it and the event's calendar entry (or its cancellation).
 */
@Singleton
public class RegistrationNotifications {

    private final KnownEvents events;
    private final Notifications notifications;
    private final EventNotifications eventNotifications;

    RegistrationNotifications(KnownEvents events, Notifications notifications, EventNotifications eventNotifications) {
        this.events = events;
        this.notifications = notifications;
        this.eventNotifications = eventNotifications;
    }

    public void on(DecodedMessage message) {
        String id = message.envelope().id();
        if (message.data() instanceof RegistrationConfirmed confirmed) {
            notify(id, NotificationKind.REGISTRATION_CONFIRMED, confirmed.registration(), confirmed.event(), CalendarMethod.REQUEST,
                    Participation.ACCEPTED);
        } else if (message.data() instanceof RegistrationWaitlisted waitlisted) {
            notify(id, NotificationKind.REGISTRATION_WAITLISTED, waitlisted.registration(), waitlisted.event(), CalendarMethod.REQUEST,
                    Participation.TENTATIVE);
        } else if (message.data() instanceof RegistrationPromoted promoted) {
            notify(id, NotificationKind.REGISTRATION_PROMOTED, promoted.registration(), promoted.event(), CalendarMethod.REQUEST,
                    Participation.ACCEPTED);
        } else if (message.data() instanceof RegistrationCancelled cancelled
                && cancelled.cancelledBy() != CancelledBy.EVENT_CANCELLED) {
            // When the whole event is cancelled, the cancellation email says so once, to everyone. Here the
            // invitation of this attendee alone is withdrawn: a CANCEL without STATUS (RFC 5546 §3.2.5).
            notify(id, NotificationKind.REGISTRATION_CANCELLED, cancelled.registration(), cancelled.event(), CalendarMethod.CANCEL,
                    Participation.DECLINED);
        }
    }

    private void notify(String messageId, NotificationKind kind, RegistrationSnapshot registration, EventRef ref,
                        CalendarMethod method, Participation participation) {
        EventSnapshot event = snapshot(ref);
        String language = EmailLanguage.of(ref.language());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("event", EventModel.of(event, EmailLanguage.locale(language)));
        model.put("waitlistPosition", registration.waitlistPosition());
        Recipient attendee = new Recipient(registration.attendee().email(), registration.attendee().name(), registration.manageUrl())
                .withParticipation(participation.value());
        notifications.record(new NewNotification(kind, "registration:" + messageId, ref.eventId(), ref.groupId(), language,
                Subjects.of(kind, language, ref.title()), model,
                eventNotifications.calendar(event, method)), List.of(attendee));
    }

    /** The full event if this service has heard of it in its current version, else what the registration carries. */
    private EventSnapshot snapshot(EventRef ref) {
        return events.find(ref.eventId())
                .filter(known -> known.sequence() >= ref.sequence())
                .orElseGet(() -> new EventSnapshot(ref.eventId(), ref.groupId(), ref.groupSlug(), ref.groupName(), ref.language(),
                        ref.number(), ref.title(), null, ref.status(), ref.startsAt(), ref.endsAt(), ref.timeZone(),
                        ref.startsAtUtc(), ref.endsAtUtc(), ref.venue(), null, ref.sequence(), ref.url(), List.of()));
    }
}
