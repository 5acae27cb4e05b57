package dev.podium.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.messaging.Samples;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Message times come from the service's Clock bean, so tests can set them. */
@MicronautTest(transactional = false)
class OutboxClockTest implements RealServers {

    private final MutableClock clock = MutableClock.at("2027-03-07T18:00:00Z");

    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    MessageCodec codec;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void stampsMessagesWithTheInjectedClock() {
        clock.advance(Duration.ofMinutes(20));
        String groupId = UUID.randomUUID().toString();
        transactions.executeWrite(status -> outbox.append(Samples.groupCreated(groupId)));

        try (TopicReader reader = TopicReader.fromBeginning(Topics.GROUPS)) {
            String json = reader.await(r -> groupId.equals(r.key()), 1, Duration.ofSeconds(30)).get(0).value();
            assertThat(codec.decode(json).envelope().time()).isEqualTo(Instant.parse("2027-03-07T18:20:00Z"));
        }
    }
}
