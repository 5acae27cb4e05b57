package dev.podium.notifications.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A recorded notification, as its row: {@code model} is the JSON its templates render
 * ({@link NotificationStore} reads it into a {@link StoredNotification}). Rows are inserted once per
 * trigger key by {@link Notifications#record} and never change afterwards, except that an erasure
 * empties the model of one that went to the erased person alone.
 */
@MappedEntity("notification")
record Notification(@Id String id, String triggerKey, NotificationKind kind, @Nullable String eventId,
                    @Nullable String groupId, String language, String subject, String model, boolean bulk,
                    @Nullable String calendar, Instant createdAt, @Nullable String traceparent) {
}
