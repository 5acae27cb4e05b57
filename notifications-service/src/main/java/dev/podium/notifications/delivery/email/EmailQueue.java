package dev.podium.notifications.delivery.email;

import dev.podium.notifications.delivery.DeliveryQueue;
import dev.podium.notifications.delivery.QueueTable;
import dev.podium.persistence.Sql;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;

/** The email delivery table as a queue, for what works on email deliveries outside the loop (tests, tools). */
@Factory
class EmailQueue {

    @Singleton
    DeliveryQueue emailDeliveryQueue(Sql sql, Clock clock, TransactionOperations<Connection> transactions, MailSettings settings) {
        return new DeliveryQueue(sql, clock, transactions, settings, QueueTable.EMAIL);
    }
}
