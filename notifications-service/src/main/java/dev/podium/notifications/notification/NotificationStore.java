package dev.podium.notifications.notification;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads recorded notifications. They never change once written, so the senders keep the ones they
 * are working through in memory: 2,000 deliveries of one announcement read it once.
 */
@Singleton
public class NotificationStore {

    private static final int CACHED = 200;
    private static final Argument<Map<String, Object>> MODEL = Argument.mapOf(String.class, Object.class);

    private final NotificationRepository repository;
    private final JsonMapper json;
    private final Map<String, StoredNotification> cache = new ConcurrentHashMap<>();

    NotificationStore(NotificationRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public Optional<StoredNotification> find(String id) {
        StoredNotification cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredNotification> found = repository.findById(id).map(this::stored);
        found.ifPresent(notification -> {
            if (cache.size() >= CACHED) {
                cache.clear();
            }
            cache.put(id, notification);
        });
        return found;
    }

    private StoredNotification stored(Notification row) {
        try {
            return new StoredNotification(row.id(), row.kind(), row.eventId(), row.groupId(), row.language(), row.subject(),
                    json.readValue(row.model(), MODEL), row.calendar(), row.createdAt(), row.traceparent());
        } catch (IOException e) {
            throw new UncheckedIOException("The model of notification " + row.id() + " no longer reads", e);
        }
    }
}
