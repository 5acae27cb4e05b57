package dev.podium.notifications.trigger;

import dev.podium.calendar.CalendarMethod;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.VenueSnapshot;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.KnownEvents;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.email.EmailLanguage;
import dev.podium.notifications.email.EmailMessages;
import dev.podium.notifications.email.EventModel;
import dev.podium.notifications.notification.NewNotification;
import dev.podium.notifications.notification.NotificationKind;
import dev.podium.notifications.notification.Notifications;
import dev.podium.notifications.schedule.PendingUpdates;
import dev.podium.notifications.schedule.PendingUpdate;
import dev.podium.notifications.schedule.Reminders;
import dev.podium.notifications.schedule.Reminder;
import dev.podium.messaging.inbox.ConsumerFreshness;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The notifications that time, not a message, triggers: reminders when they fall due, and update
 * digests when their window closes. Each due row is locked, turned into a notification and deleted
 * in one transaction, so across replicas and restarts each fires once. No message vouches for the
 * attendees and members they go to, so each waits until every record its topics received before it
 * fell due has been consumed: a reminder due while notifications-service was down goes to every
 * attendee who had RSVPed by then.
 */
@Singleton
public class ScheduledNotifications {

    private static final int BATCH = 20;

    private final Reminders reminders;
    private final PendingUpdates pendingUpdates;
    private final KnownEvents events;
    private final Audience audience;
    private final Notifications notifications;
    private final EventNotifications eventNotifications;
    private final ConsumerFreshness freshness;

    ScheduledNotifications(Reminders reminders, PendingUpdates pendingUpdates, KnownEvents events, Audience audience,
                           Notifications notifications, EventNotifications eventNotifications, ConsumerFreshness freshness) {
        this.reminders = reminders;
        this.pendingUpdates = pendingUpdates;
        this.events = events;
        this.audience = audience;
        this.notifications = notifications;
        this.eventNotifications = eventNotifications;
        this.freshness = freshness;
    }

    @Scheduled(fixedDelay = "${podium.notifications.schedule-interval:1s}", initialDelay = "1s")
    @Transactional
    public void sendDueReminders() {
        for (Reminder reminder : reminders.lockDue(BATCH)) {
            if (!freshness.consumedUntil(Topics.REGISTRATIONS, reminder.dueAt())) {
                continue;
            }
            events.find(reminder.eventId())
                    .filter(event -> "PUBLISHED".equals(event.status()) && reminder.startsAtUtc().equals(event.startsAtUtc()))
                    .ifPresent(this::remind);
            reminders.done(reminder.eventId());
        }
    }

    @Scheduled(fixedDelay = "${podium.notifications.schedule-interval:1s}", initialDelay = "1s")
    @Transactional
    public void sendDueUpdates() {
        for (PendingUpdate due : pendingUpdates.lockDue(BATCH)) {
            if (!freshness.consumedUntil(Topics.REGISTRATIONS, due.sendAfter())
                    || !freshness.consumedUntil(Topics.GROUPS, due.sendAfter())) {
                continue;
            }
            events.find(due.eventId())
                    .filter(event -> "PUBLISHED".equals(event.status()))
                    .ifPresent(event -> update(due, events.read(due.previous()), event));
            pendingUpdates.discard(due.eventId());
        }
    }

    private void remind(EventSnapshot event) {
        String language = EmailLanguage.of(event.language());
        notifications.record(new NewNotification(NotificationKind.REMINDER,
                "reminder:" + event.eventId() + ":" + event.startsAtUtc(), event.eventId(), event.groupId(), language,
                Subjects.of(NotificationKind.REMINDER, language, event.title()),
                Map.of("event", EventModel.of(event, EmailLanguage.locale(language))),
                eventNotifications.calendar(event, CalendarMethod.REQUEST)),
                audience.attendees(event.eventId(), event.groupId(), List.of("CONFIRMED")));
    }

    private void update(PendingUpdate due, EventSnapshot before, EventSnapshot after) {
        String language = EmailLanguage.of(after.language());
        Locale locale = EmailLanguage.locale(language);
        List<Map<String, Object>> changes = new ArrayList<>();
        if (!Objects.equals(before.startsAtUtc(), after.startsAtUtc()) || !Objects.equals(before.endsAtUtc(), after.endsAtUtc())
                || !Objects.equals(before.timeZone(), after.timeZone())) {
            changes.add(change(locale, "change.time",
                    EventModel.when(before.startsAt(), before.endsAt(), before.timeZone(), locale),
                    EventModel.when(after.startsAt(), after.endsAt(), after.timeZone(), locale)));
        }
        if (!sameVenue(before.venue(), after.venue())) {
            changes.add(change(locale, "change.venue", EventModel.venueLine(before.venue()), EventModel.venueLine(after.venue())));
        }
        if (!changes.isEmpty()) {
            List<Recipient> recipients = new ArrayList<>(audience.attendees(after.eventId(), after.groupId(),
                    EventNotifications.ATTENDING));
            if (events.wasAnnounced(after.eventId())) {
                recipients.addAll(audience.members(after.groupId()));
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("event", EventModel.of(after, locale));
            model.put("changes", changes);
            notifications.record(new NewNotification(NotificationKind.EVENT_UPDATE,
                    "update:" + after.eventId() + ":" + due.triggerId(), after.eventId(), after.groupId(), language,
                    Subjects.of(NotificationKind.EVENT_UPDATE, language, after.title()), model,
                    eventNotifications.calendar(after, CalendarMethod.REQUEST)), recipients);
        }
        for (AgendaSlotSnapshot slot : after.agenda()) {
            Optional<AgendaSlotSnapshot> previous = before.agenda().stream()
                    .filter(old -> old.slotId().equals(slot.slotId()))
                    .findFirst();
            if (previous.isEmpty()) {
                eventNotifications.speakerSlot(after, slot, null);
            } else if (!previous.get().startsAt().equals(slot.startsAt()) || !previous.get().endsAt().equals(slot.endsAt())
                    || !Objects.equals(previous.get().room(), slot.room())) {
                eventNotifications.speakerSlot(after, slot, previous.get());
            }
        }
    }

    private static Map<String, Object> change(Locale locale, String label, String before, String after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("label", EmailMessages.text(locale, label));
        change.put("before", before == null ? EmailMessages.text(locale, "change.to-be-announced") : before);
        change.put("after", after == null ? EmailMessages.text(locale, "change.to-be-announced") : after);
        return change;
    }

    private static boolean sameVenue(VenueSnapshot a, VenueSnapshot b) {
        return Objects.equals(EventModel.venueLine(a), EventModel.venueLine(b));
    }
}
