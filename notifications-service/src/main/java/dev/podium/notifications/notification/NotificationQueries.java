package dev.podium.notifications.notification;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.notifications.access.NotificationAccess;
import dev.podium.notifications.access.NotificationScope;
import dev.podium.notifications.notification.NotificationViews.DeliveryView;
import dev.podium.notifications.notification.NotificationViews.NotificationView;
import dev.podium.persistence.Sql;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What organisers and admins see of notifications and their deliveries, and the retry of dead
 * deliveries. The controller finds a notification for its caller first; the rest works on it.
 * One notification is read through its repository; the filtered, paged list and the deliveries
 * (the delivery queue's rows, counted by status and requeued in bulk) are searches on {@link Sql}.
 */
@Singleton
public class NotificationQueries {

    private final Sql sql;
    private final NotificationRepository notifications;
    private final NotificationAccess access;
    private final Clock clock;

    NotificationQueries(Sql sql, NotificationRepository notifications, NotificationAccess access, Clock clock) {
        this.sql = sql;
        this.notifications = notifications;
        this.access = access;
        this.clock = clock;
    }

    /** The caller's notifications (see {@link NotificationAccess}), newest first. */
    public PageView<NotificationView> list(Caller caller, @Nullable String eventId, @Nullable NotificationKind type, PageQuery page) {
        NotificationScope scope = access.scopeOf(caller);
        if (!scope.all() && scope.groupIds().isEmpty()) {
            return new PageView<>(List.of(), page.pageOrFirst(), page.sizeOrDefault(), 0);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (!scope.all()) {
            where.append(" AND event_id IS NOT NULL AND group_id IN (")
                    .append(String.join(", ", scope.groupIds().stream().map(groupId -> "?").toList())).append(')');
            parameters.addAll(scope.groupIds());
        }
        if (eventId != null) {
            where.append(" AND event_id = ?");
            parameters.add(eventId);
        }
        if (type != null) {
            where.append(" AND kind = ?");
            parameters.add(type);
        }
        long total = sql.count("SELECT COUNT(*) FROM notification" + where, parameters.toArray());
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(page.sizeOrDefault());
        paged.add(page.offset());
        List<NotificationView> items = sql.list("SELECT id, kind, event_id, group_id, language, subject, bulk, calendar IS NOT NULL, created_at "
                        + "FROM notification" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                row -> view(row.getString(1), NotificationKind.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getBoolean(7), row.getBoolean(8), Sql.instant(row, "created_at")),
                paged.toArray());
        return new PageView<>(items, page.pageOrFirst(), page.sizeOrDefault(), total);
    }

    /** The notification, if it exists and the caller may see it: anyone else cannot tell it from one that does not exist. */
    public Optional<NotificationView> find(Caller caller, String id) {
        return find(id).filter(notification -> access.scopeOf(caller).covers(notification.eventId(), notification.groupId()));
    }

    private Optional<NotificationView> find(String id) {
        return notifications.findById(id).map(row -> view(row.id(), row.kind(), row.eventId(), row.groupId(), row.language(),
                row.subject(), row.bulk(), row.calendar() != null, row.createdAt()));
    }

    /** The deliveries of a notification found for the caller ({@link #find(Caller, String)}). */
    public PageView<DeliveryView> deliveries(NotificationView notification, @Nullable DeliveryStatus status, PageQuery page) {
        String where = " WHERE notification_id = ?" + (status == null ? "" : " AND status = ?");
        Object[] parameters = status == null ? new Object[] {notification.id()} : new Object[] {notification.id(), status};
        long total = sql.count("SELECT COUNT(*) FROM delivery" + where, parameters);
        Object[] paged = new Object[parameters.length + 2];
        System.arraycopy(parameters, 0, paged, 0, parameters.length);
        paged[parameters.length] = page.sizeOrDefault();
        paged[parameters.length + 1] = page.offset();
        List<DeliveryView> items = sql.list("SELECT id, email, status, attempts, next_attempt_at, sent_at, last_error FROM delivery"
                        + where + " ORDER BY id LIMIT ? OFFSET ?",
                row -> new DeliveryView(row.getLong(1), row.getString(2), row.getString(2) == null,
                        DeliveryStatus.valueOf(row.getString(3)), row.getInt(4), Sql.instant(row, "next_attempt_at"),
                        Sql.instant(row, "sent_at"), row.getString(7)),
                paged);
        return new PageView<>(items, page.pageOrFirst(), page.sizeOrDefault(), total);
    }

    /** Gives the dead deliveries of a notification found for the caller a fresh set of attempts, due now. */
    public int retryDead(NotificationView notification) {
        return sql.update("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ? "
                + "WHERE notification_id = ? AND status = 'DEAD'", clock.instant(), clock.instant(),
                notification.id());
    }

    private NotificationView view(String id, NotificationKind kind, String eventId, String groupId, String language,
                                  String subject, boolean bulk, boolean hasCalendar, java.time.Instant createdAt) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0L);
        }
        sql.list("SELECT status, COUNT(*) FROM delivery WHERE notification_id = ? GROUP BY status",
                row -> counts.put(DeliveryStatus.valueOf(row.getString(1)), row.getLong(2)), id);
        return new NotificationView(id, kind, eventId, groupId, language, subject, bulk, hasCalendar, createdAt, counts);
    }
}
