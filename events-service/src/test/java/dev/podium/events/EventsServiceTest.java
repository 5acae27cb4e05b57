package dev.podium.events;

import dev.podium.contracts.MessageCodec;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;

/**
 * An HTTP test of events-service against the real servers ({@link RealServers}), on a clock the test
 * moves ({@link #clock}, at {@link #NOW} to begin with), with {@link #api} to call the service. A
 * subclass is a {@code @MicronautTest(transactional = false)} class of its own and keeps only what is
 * particular to it; its {@code @BeforeAll} methods run after {@link #api} is ready.
 */
public abstract class EventsServiceTest implements RealServers {

    protected static final Instant NOW = Instant.parse("2029-01-15T10:00:00Z");

    protected final MutableClock clock = MutableClock.at(NOW.toString());

    @Inject
    @Client("/")
    protected HttpClient client;
    @Inject
    protected MessageCodec codec;

    protected EventsApi api;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    protected final void connectEventsApi() {
        api = new EventsApi(client.toBlocking(), codec);
    }
}
