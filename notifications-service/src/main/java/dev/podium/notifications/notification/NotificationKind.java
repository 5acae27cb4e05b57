package dev.podium.notifications.notification;

import java.util.Locale;

/**
 * What a notification is about. Bulk kinds go to lists (members, attendees) and carry
 * List-Unsubscribe; the others answer something the recipient did or must act on.
 */
public enum NotificationKind {
    ANNOUNCEMENT(true),
    EVENT_UPDATE(true),
    EVENT_CANCELLATION(true),
    REMINDER(true),
    MATERIALS_PUBLISHED(true),
    REGISTRATION_CONFIRMED(false),
    REGISTRATION_WAITLISTED(false),
    REGISTRATION_PROMOTED(false),
    REGISTRATION_CANCELLED(false),
    SUBMISSION_RECEIPT(false),
    SUBMISSION_FOR_ORGANISERS(false),
    TALK_ACCEPTED(false),
    TALK_REJECTED(false),
    SPEAKER_SLOT(false),
    CO_SPEAKER_INVITATION(false),
    MEMBERSHIP_CONFIRMATION(false),
    /** To a group's organisers: one of their webhook endpoints kept failing and was disabled. */
    WEBHOOK_DISABLED(false);

    private final boolean bulk;

    NotificationKind(boolean bulk) {
        this.bulk = bulk;
    }

    public boolean bulk() {
        return bulk;
    }

    /** The email templates' base name: {@code email/<template>.html} and {@code email/<template>.txt}. */
    public String template() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
