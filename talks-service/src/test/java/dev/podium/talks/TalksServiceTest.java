package dev.podium.talks;

import dev.podium.contracts.MessageCodec;
import dev.podium.devissuer.Identity;
import dev.podium.persistence.Sql;
import dev.podium.talks.catalog.Catalog;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
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
}
