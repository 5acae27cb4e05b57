package dev.podium.talks;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.persistence.Sql;
import dev.podium.talks.catalog.Catalog;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * An HTTP test of talks-service against the real servers ({@link RealServers}): what the tests
 * inject, and {@link #api} to call the service. A subclass is a
 * {@code @MicronautTest(transactional = false)} class of its own (its own database and consumer
 * group) and keeps only what is particular to it.
 */
public abstract class TalksServiceTest implements RealServers {

    /** Organisers, known by the same sub and email in every test class. */
    protected static final Identity ALICE = TalksFixtures.organiser("alice@organisers.example.org");
    protected static final Identity BOB = TalksFixtures.organiser("bob@organisers.example.org");

    @Inject
    @Client("/")
    protected HttpClient http;
    @Inject
    protected JsonMapper json;
    @Inject
    protected MessageCodec codec;
    @Inject
    protected Catalog catalog;
    @Inject
    protected Sql sql;

    /** The API without a token; {@code api.as(someone)} for theirs. */
    protected TalksApi api;

    @BeforeAll
    protected final void connectTalksApi() {
        api = new TalksApi(http, json);
    }

    /**
     * A new group {@code slug} of {@code organiser} and its Deep Learning Meetup #13 on 7 March 2030 in
     * Paris, both known to the read model; the meetup's call for papers is open from a day before now
     * to 30 days after (by the real clock).
     */
    protected EventSnapshot newGroupWithOpenCfp(String slug, Identity organiser) {
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group(slug, organiser));
        EventSnapshot event = TalksFixtures.knownEvent(codec, catalog,
                TalksFixtures.event(slug, "Deep Learning Meetup #13", "PUBLISHED", LocalDateTime.of(2030, 3, 7, 19, 0), "Europe/Paris"));
        Instant now = Instant.now();
        api.as(organiser).put("/events/" + event.eventId() + "/cfp",
                TalksFixtures.cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))).isOk(200);
        return event;
    }

    /** The real servers' settings, with {@link #settings()} over them. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.putAll(settings());
        return properties;
    }

    /**
     * Settings of this test class that must win over the real servers' (a {@code @Property} does
     * not: {@link RealServers}'s own, such as the public-writes rate limit, are applied after it).
     */
    protected Map<String, String> settings() {
        return Map.of();
    }
}
