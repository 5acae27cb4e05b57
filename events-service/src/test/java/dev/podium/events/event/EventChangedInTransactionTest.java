package dev.podium.events.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.events.EventsApi;
import dev.podium.testsupport.RealServers;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link EventChanged} reaches its listeners inside the transaction that changes the event: a listener
 * reads the change through that transaction before it is committed. The features' listeners refuse
 * to act outside a transaction.
 */
@MicronautTest(transactional = false, environments = EventChangedInTransactionTest.PROBE)
class EventChangedInTransactionTest implements RealServers {

    static final String PROBE = "event-changed-probe";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    Probe probe;
    @Inject
    ApplicationEventPublisher<EventChanged> publisher;
    @Inject
    EventRepository events;

    @Test
    void listenersSeeTheChangeInTheTransactionThatMakesIt() {
        EventsApi api = new EventsApi(client.toBlocking(), codec);
        EventView event = api.draft(api.createGroup(EventsApi.unique("in-tx"), "Europe/Paris").slug(),
                Map.of("title", "Deep Learning Meetup #13", "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00"));

        api.patch(event.id(), Map.of("title", "Deep Learning Meetup #14"));

        Seen seen = probe.seen.get(event.id());
        assertThat(seen.kinds()).containsExactly(ChangeKind.DETAILS);
        assertThat(seen.inTransaction()).as("a transaction is open").isTrue();
        assertThat(seen.titleInThatTransaction()).as("the listener's transaction holds the change").isEqualTo("Deep Learning Meetup #14");
        assertThat(seen.titleCommitted()).as("which is not committed yet").isEqualTo("Deep Learning Meetup #13");
    }

    @Test
    void theFeaturesListenersRefuseToActOutsideATransaction() {
        EventsApi api = new EventsApi(client.toBlocking(), codec);
        EventView view = api.draft(api.createGroup(EventsApi.unique("no-tx"), "Europe/Paris").slug(),
                Map.of("title", "Deep Learning Meetup #15", "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00"));
        Event event = events.findById(view.id()).orElseThrow();

        assertThatThrownBy(() -> publisher.publishEvent(new EventChanged(event, event, List.of(ChangeKind.TIME, ChangeKind.CAPACITY))))
                .isInstanceOf(IllegalTransactionStateException.class).hasMessageContaining("mandatory");
    }

    record Seen(List<ChangeKind> kinds, boolean inTransaction, String titleInThatTransaction, String titleCommitted) {
    }

    @Singleton
    @Requires(env = PROBE)
    static class Probe {

        final Map<String, Seen> seen = new ConcurrentHashMap<>();
        private final TransactionOperations<Connection> transactions;

        Probe(TransactionOperations<Connection> transactions) {
            this.transactions = transactions;
        }

        @EventListener
        void onEventChanged(EventChanged changed) {
            String id = changed.after().id();
            boolean inTransaction = transactions.findTransactionStatus().isPresent();
            String inThatTransaction = inTransaction ? title(transactions.getConnection(), id) : null;
            String committed = transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                    status -> title(status.getConnection(), id));
            seen.put(id, new Seen(changed.kinds(), inTransaction, inThatTransaction, committed));
        }

        private static String title(Connection connection, String eventId) {
            try (PreparedStatement select = connection.prepareStatement("SELECT title FROM event WHERE id = ?")) {
                select.setString(1, eventId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
