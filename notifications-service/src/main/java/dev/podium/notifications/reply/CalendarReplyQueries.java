package dev.podium.notifications.reply;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.util.List;

/** Recorded replies of one status, newest first. */
@Singleton
class CalendarReplyQueries {

    private final Sql sql;

    CalendarReplyQueries(Sql sql) {
        this.sql = sql;
    }

    PageView<CalendarReplyView> list(ReplyStatus status, PageQuery page) {
        List<CalendarReplyView> items = sql.list("""
                        SELECT id, status, reason, message_id, sender, uid, event_id, attendee_email, answer, received_at
                        FROM calendar_reply WHERE status = ? ORDER BY received_at DESC, id LIMIT ? OFFSET ?""",
                row -> new CalendarReplyView(row.getString("id"), ReplyStatus.valueOf(row.getString("status")),
                        row.getString("reason"), row.getString("message_id"), row.getString("sender"), row.getString("uid"),
                        row.getString("event_id"), row.getString("attendee_email"), row.getString("answer"),
                        Sql.instant(row, "received_at")),
                status.name(), page.sizeOrDefault(), page.offset());
        return new PageView<>(items, page.pageOrFirst(), page.sizeOrDefault(),
                sql.count("SELECT COUNT(*) FROM calendar_reply WHERE status = ?", status.name()));
    }
}
