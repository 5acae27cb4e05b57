package dev.podium.notifications.notification;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * A notification about to be recorded: the trigger key makes it once-only (a redelivered message or
 * a second replica finds the key taken), the model is what its templates render.
 */
public record NewNotification(
        NotificationKind kind,
        String triggerKey,
        @Nullable String eventId,
        @Nullable String groupId,
        String language,
        String subject,
        Map<String, Object> model,
        @Nullable String calendar) {
}
