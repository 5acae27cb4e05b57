package dev.podium.notifications.trigger;

import dev.podium.calendar.CalendarMethod;
import dev.podium.contracts.Causality;
import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.Streams;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventCompleted;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.KnownEvents;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.email.EmailLanguage;
import dev.podium.notifications.email.EventModel;
import dev.podium.notifications.invitation.Invitations;
import dev.podium.notifications.notification.NewNotification;
import dev.podium.notifications.notification.NotificationKind;
import dev.podium.notifications.notification.Notifications;
import dev.podium.notifications.schedule.PendingUpdates;
import dev.podium.notifications.schedule.Reminders;
import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the events topic makes Podium write: the announcement to the group's members and each
 * speaker's slot when an event is published; the cancellation to attendees and members. Changes are
 * collected into one update per window ({@link PendingUpdates}); reminders are scheduled here.
 */
@Singleton
public class EventNotifications {

    static final List<String> ATTENDING = List.of("CONFIRMED", "WAITLISTED");

    private final KnownEvents events;
    private final Audience audience;
    private final Notifications notifications;
    private final Reminders reminders;
    private final PendingUpdates pendingUpdates;
    private final Invitations invitations;

    EventNotifications(KnownEvents events, Audience audience, Notifications notifications, Reminders reminders,
                       PendingUpdates pendingUpdates, Invitations invitations) {
        this.events = events;
        this.audience = audience;
        this.notifications = notifications;
        this.reminders = reminders;
        this.pendingUpdates = pendingUpdates;
        this.invitations = invitations;
    }

    public void on(DecodedMessage decoded) {
        PodiumMessage message = decoded.data();
        Causality causality = decoded.envelope().causality();
        if (message instanceof EventCreated created) {
            events.remember(created.event());
        } else if (message instanceof EventPublished published) {
            published(published.event(), causality);
        } else if (message instanceof EventUpdated updated) {
            updated(updated);
        } else if (message instanceof EventCancelled cancelled) {
            cancelled(cancelled, causality);
        } else if (message instanceof EventCompleted completed) {
            events.remember(completed.event());
            reminders.cancel(completed.event().eventId());
            pendingUpdates.discard(completed.event().eventId());
        }
    }

    /**
     * The group's members when the message was written: its producer names the membership version
     * it had, and the inbox has waited until this read model reached it. Without one (a message
     * written before versions existed), the members known now.
     */
    private List<Recipient> members(String groupId, Causality causality) {
        String stream = Streams.groupMembers(groupId);
        return causality.after().stream().filter(fact -> fact.stream().equals(stream)).findFirst()
                .map(fact -> audience.membersAt(groupId, fact.version()))
                .orElseGet(() -> audience.members(groupId));
    }

    private void published(EventSnapshot event, Causality causality) {
        events.remember(event);
        String language = EmailLanguage.of(event.language());
        Map<String, Object> model = Map.of("event", EventModel.of(event, EmailLanguage.locale(language)));
        notifications.record(new NewNotification(NotificationKind.ANNOUNCEMENT, "announcement:" + event.eventId(),
                event.eventId(), event.groupId(), language,
                Subjects.of(NotificationKind.ANNOUNCEMENT, language, event.groupName(), event.title()),
                model, calendar(event, CalendarMethod.REQUEST)), members(event.groupId(), causality));
        events.markAnnounced(event.eventId());
        for (AgendaSlotSnapshot slot : event.agenda()) {
            speakerSlot(event, slot, null);
        }
        reminders.schedule(event);
    }

    private void updated(EventUpdated updated) {
        EventSnapshot event = updated.event();
        events.remember(event);
        if (!"PUBLISHED".equals(event.status())) {
            return;
        }
        reminders.schedule(event);
        pendingUpdates.collect(updated);
    }

    private void cancelled(EventCancelled cancelled, Causality causality) {
        EventSnapshot event = cancelled.event();
        boolean announced = events.wasAnnounced(event.eventId());
        events.remember(event);
        reminders.cancel(event.eventId());
        pendingUpdates.discard(event.eventId());
        List<Recipient> recipients = new ArrayList<>(audience.attendees(event.eventId(), event.groupId(), ATTENDING));
        if (announced) {
            recipients.addAll(members(event.groupId(), causality));
        }
        String language = EmailLanguage.of(event.language());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("event", EventModel.of(event, EmailLanguage.locale(language)));
        model.put("reason", cancelled.reason());
        notifications.record(new NewNotification(NotificationKind.EVENT_CANCELLATION, "cancellation:" + event.eventId(),
                event.eventId(), event.groupId(), language,
                Subjects.of(NotificationKind.EVENT_CANCELLATION, language, event.title()),
                model, calendar(event, CalendarMethod.CANCEL)), recipients);
    }

    /**
     * Tells each speaker of a slot when they are on; {@code previous} is the slot before a change,
     * or null for the first placement.
     */
    void speakerSlot(EventSnapshot event, AgendaSlotSnapshot slot, AgendaSlotSnapshot previous) {
        if (slot.speakers().isEmpty()) {
            return;
        }
        String language = EmailLanguage.of(event.language());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("event", EventModel.of(event, EmailLanguage.locale(language)));
        model.put("slot", slotModel(slot, language));
        model.put("previousSlot", previous == null ? null : slotModel(previous, language));
        List<Recipient> speakers = slot.speakers().stream()
                .filter(speaker -> speaker.email() != null && !speaker.email().isBlank())
                .map(speaker -> Recipient.of(speaker.email(), speaker.name()))
                .toList();
        String when = slot.startsAt().toString();
        notifications.record(new NewNotification(NotificationKind.SPEAKER_SLOT,
                "slot:" + event.eventId() + ":" + slot.slotId() + ":" + when, event.eventId(), event.groupId(), language,
                Subjects.of(NotificationKind.SPEAKER_SLOT, language, slot.title(), EventModel.slotTime(slot)),
                model, null), speakers);
    }

    private static Map<String, Object> slotModel(AgendaSlotSnapshot slot, String language) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", slot.title());
        model.put("day", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(EmailLanguage.locale(language))
                .format(slot.startsAt()));
        model.put("time", EventModel.slotTime(slot));
        model.put("room", slot.room());
        model.put("speakers", EventModel.speakers(slot.speakers()));
        return model;
    }

    /** The invitation every recipient's copy is made from (see {@link Invitations}); null while the event has no date. */
    String calendar(EventSnapshot event, CalendarMethod method) {
        return invitations.shared(event, method);
    }
}
