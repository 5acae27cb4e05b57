package dev.podium.notifications.notification;

import dev.podium.persistence.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads recorded notifications. They never change once written, so the senders keep the ones they
 * are working through in memory: 2,000 deliveries of one announcement read it once.
 */
@Singleton
public class NotificationStore {

    static final String COLUMNS = "id, kind, event_id, group_id, language, subject, model, calendar, created_at";
    private static final int CACHED = 200;
    private static final Argument<Map<String, Object>> MODEL = Argument.mapOf(String.class, Object.class);

    private final Sql sql;
    private final JsonMapper json;
    private final Map<String, StoredNotification> cache = new ConcurrentHashMap<>();

    NotificationStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public Optional<StoredNotification> find(String id) {
        StoredNotification cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredNotification> found = sql.one("SELECT " + COLUMNS + " FROM notification WHERE id = ?", this::map, id);
        found.ifPresent(notification -> {
            if (cache.size() >= CACHED) {
                cache.clear();
            }
            cache.put(id, notification);
        });
        return found;
    }

    StoredNotification map(ResultSet row) throws SQLException {
        try {
            return new StoredNotification(row.getString("id"), NotificationKind.valueOf(row.getString("kind")),
                    row.getString("event_id"), row.getString("group_id"), row.getString("language"),
                    row.getString("subject"), json.readValue(row.getString("model"), MODEL), row.getString("calendar"),
                    Sql.instant(row, "created_at"));
        } catch (IOException e) {
            throw new UncheckedIOException("The model of notification " + row.getString("id") + " no longer reads", e);
        }
    }
}
