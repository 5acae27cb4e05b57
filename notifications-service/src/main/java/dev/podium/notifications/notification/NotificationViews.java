package dev.podium.notifications.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/** The notifications API's responses. */
public final class NotificationViews {

    private NotificationViews() {
    }

    /** A notification with how many of its deliveries are in each status. */
    @Serdeable
    public record NotificationView(String id, NotificationKind type, @Nullable String eventId, @Nullable String groupId,
                                   String language, String subject, boolean bulk, boolean hasCalendar, Instant createdAt,
                                   Map<DeliveryStatus, Long> deliveries) {
    }

    /**
     * One recipient's copy. {@code email} is null and {@code erased} true once the recipient was
     * erased (PersonErased): the row only keeps what happened, not to whom.
     */
    @Serdeable
    public record DeliveryView(long id, @Nullable String email, boolean erased, DeliveryStatus status, int attempts,
                               Instant nextAttemptAt, @Nullable Instant sentAt, @Nullable String lastError) {
    }

    @Serdeable
    public record RetryView(String notificationId, int requeued) {
    }

    /**
     * A message about the event that notifications-service holds back until it knows the facts it
     * depends on: {@code waitingFor} (a stream, e.g. the group's memberships) known up to {@code known}
     * of the {@code needed} changes; null for a message queued behind an earlier one of its event.
     */
    @Serdeable
    public record WaitingView(String type, @Nullable String waitingFor, long known, long needed, long missing, Instant since,
                              String detail) {
    }
}
