package dev.podium.notifications.notification;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;

/** A recorded notification: everything its deliveries need to render and address the email. */
public record StoredNotification(
        String id,
        NotificationKind kind,
        @Nullable String eventId,
        @Nullable String groupId,
        String language,
        String subject,
        Map<String, Object> model,
        @Nullable String calendar,
        Instant createdAt,
        @Nullable String traceparent) {
}
