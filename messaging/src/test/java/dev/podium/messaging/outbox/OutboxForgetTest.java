package dev.podium.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.Topics;
import dev.podium.messaging.Samples;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link Outbox#forget}: exactly the messages naming the value as a whole JSON string (case aside),
 * the published ones at once, the waiting ones only once the relay has published them.
 */
@MicronautTest(transactional = false)
class OutboxForgetTest implements RealServers {

    @Inject
    Outbox outbox;
    @Inject
    OutboxSweep sweep;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.outbox.forget-sweep-interval", "1h"); // swept when the test says
        return properties;
    }

    @Test
    void forgetsThePublishedMessagesNamingTheValueAndNoLookAlike() {
        String address = "a" + UUID.randomUUID() + "@b.example";
        String lookAlike = "x" + address;
        String accented = address.replaceFirst("a", "á");
        append(Samples.personErased(address));
        append(Samples.personErased(address.toUpperCase(Locale.ROOT)));
        append(Samples.personErased(lookAlike));
        append(Samples.personErased(accented));
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting() == 0);

        transactions.executeWrite(status -> {
            outbox.forget(address);
            return null;
        });

        assertThat(naming(address)).isZero();
        assertThat(naming(address.toUpperCase(Locale.ROOT))).as("in any case").isZero();
        assertThat(naming(lookAlike)).as("xa@… is not a@…").isEqualTo(1);
        assertThat(naming(accented)).as("an accent makes another address").isEqualTo(1);
        assertThat(sql.count("SELECT COUNT(*) FROM outbox_forget WHERE needle LIKE ?", "%" + address + "%"))
                .as("nothing left for later").isZero();
    }

    @Test
    void aMessageNotPublishedYetStillGoesOutAndIsForgottenOnceRelayed() {
        String address = "w" + UUID.randomUUID() + "@b.example";
        transactions.executeWrite(status -> {
            outbox.append(Samples.personErased(address));
            outbox.forget(address);
            assertThat(naming(address)).as("waiting for the relay").isEqualTo(1);
            return null;
        });

        try (TopicReader reader = TopicReader.fromBeginning(Topics.PEOPLE)) {
            assertThat(reader.await(record -> record.value().contains(address), 1, Duration.ofSeconds(30))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting() == 0);
        assertThat(naming(address)).as("published, not swept yet").isEqualTo(1);

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(naming(address)).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM outbox_forget WHERE needle LIKE ?", "%" + address + "%")).isZero();
    }

    private void append(dev.podium.contracts.PodiumMessage message) {
        transactions.executeWrite(status -> outbox.append(message));
    }

    private long naming(String address) {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE INSTR(payload COLLATE utf8mb4_bin, ?) > 0", '"' + address + '"');
    }

    private long waiting() {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL");
    }
}
