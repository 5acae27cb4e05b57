package dev.podium.notifications.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The webhook types organisers subscribe to, by their wire name (README "Webhooks" documents each payload). */
public enum WebhookType {
    EVENT_PUBLISHED("event.published"),
    EVENT_UPDATED("event.updated"),
    EVENT_CANCELLED("event.cancelled"),
    REGISTRATION_CONFIRMED("registration.confirmed"),
    REGISTRATION_WAITLISTED("registration.waitlisted"),
    REGISTRATION_PROMOTED("registration.promoted"),
    REGISTRATION_CANCELLED("registration.cancelled"),
    MEMBER_JOINED("member.joined"),
    MEMBER_LEFT("member.left"),
    TALK_SUBMITTED("talk.submitted"),
    TALK_ACCEPTED("talk.accepted"),
    TALK_REJECTED("talk.rejected"),
    TALK_MATERIALS_PUBLISHED("talk.materials_published");

    /** Sent by {@code POST /webhooks/{id}/ping} to that endpoint only; not subscribable. */
    public static final String PING = "webhook.ping";

    private final String wireName;

    WebhookType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookType> of(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
