package dev.podium.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.Topics;
import dev.podium.messaging.Samples;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A service that committed its change but died before the relay sent the message: the next
 * instance on the same database publishes it.
 */
class OutboxSurvivesRestartTest implements RealServers {

    @Test
    void messagesCommittedBeforeACrashArePublishedByTheNextInstance() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        List<String> groupIds = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID().toString()).toList();

        properties.put("podium.outbox.relay.enabled", "false");
        try (ApplicationContext crashed = ApplicationContext.run(properties, "test")) {
            Outbox outbox = crashed.getBean(Outbox.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions = crashed.getBean(TransactionOperations.class);
            groupIds.forEach(id -> transactions.executeWrite(status -> outbox.append(Samples.groupCreated(id))));
        }

        properties.put("podium.outbox.relay.enabled", "true");
        try (ApplicationContext restarted = ApplicationContext.run(properties, "test");
             TopicReader reader = TopicReader.fromBeginning(Topics.GROUPS)) {
            assertThat(reader.await(r -> groupIds.contains(r.key()), groupIds.size(), Duration.ofSeconds(30)))
                    .extracting(r -> r.key())
                    .containsExactlyInAnyOrderElementsOf(groupIds);
        }
    }
}
