package dev.podium.notifications.audience;

/** A group as the notifications read model knows it: enough to address and word an email. */
public record GroupInfo(String groupId, String slug, String name, String language, String timeZone) {
}
