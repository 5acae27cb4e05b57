package dev.podium.notifications.delivery;

import dev.podium.messaging.tracing.MessageTracing;
import dev.podium.notifications.notification.DeliveriesRecorded;
import dev.podium.persistence.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;

/**
 * One {@link DeliveryLoop} per registered {@link Channel} (email, webhooks), each on its channel's
 * queue table with its channel's settings: their senders, pauses and rates are separate, so an
 * unreachable SMTP server does not stop webhooks, nor a slow receiver email.
 */
@Singleton
public class DeliveryLoops implements ApplicationEventListener<ServerStartupEvent> {

    private final List<DeliveryLoop> loops;

    @SuppressWarnings({"rawtypes", "unchecked"})
    DeliveryLoops(List<Channel> channels, Sql sql, Clock clock, TransactionOperations<Connection> transactions, MessageTracing tracing,
                  MeterRegistry meters) {
        this.loops = channels.stream()
                .map(channel -> new DeliveryLoop(
                        new DeliveryQueue(sql, clock, transactions, channel.settings(), channel.queueTable()),
                        (Channel<?, ?>) channel, meters, tracing))
                .toList();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        loops.forEach(DeliveryLoop::startIfSending);
    }

    /**
     * Deliveries recorded by this replica are claimed at once rather than at the next poll (the
     * announcement's first message, an RSVP's confirmation, a webhook); other replicas' are found by polling.
     */
    @TransactionalEventListener
    void onDeliveriesRecorded(DeliveriesRecorded recorded) {
        loops.forEach(DeliveryLoop::wake);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (DeliveryLoop loop : loops) {
            loop.stop();
        }
    }
}
