package dev.podium.messaging.inbox;

import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.Map;

/**
 * Within one transaction of one consumer: whether a key has deferred messages, asked of
 * {@code deferred_message} once per key, then kept up to date as the transaction defers more. Only
 * the consumer itself adds deferred rows of its keys, and its partitions are its own, so nothing else
 * makes a key queue meanwhile. A key that {@link DeferredRetry} releases meanwhile still counts as
 * queued: its next message is deferred behind nothing, and the next retry acts on it (a delay, in
 * order).
 */
final class QueuedKeys {

    private final String consumer;
    private final DeferredMessages deferred;
    private final Map<String, Boolean> queued = new HashMap<>();

    QueuedKeys(String consumer, DeferredMessages deferred) {
        this.consumer = consumer;
        this.deferred = deferred;
    }

    boolean anyFor(@Nullable String key) {
        return queued.computeIfAbsent(key == null ? "" : key, k -> deferred.anyFor(consumer, key));
    }

    void deferred(@Nullable String key) {
        queued.put(key == null ? "" : key, true);
    }
}
