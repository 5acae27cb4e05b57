package dev.podium.talks;

import dev.podium.persistence.Sql;
import dev.podium.testsupport.DatabaseOutageContract;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

@MicronautTest(transactional = false)
class DatabaseOutageTest extends DatabaseOutageContract {

    private final String talk = UUID.randomUUID().toString();

    @Inject
    Sql sql;

    /** A talk of the archive, written as the database holds one (an open-call talk, no event or group). */
    @BeforeAll
    void aTalkInTheArchive() {
        Instant now = Instant.now();
        sql.update("""
                INSERT INTO submission (id, title, abstract_text, speakers_text, format, duration_minutes, status, revision,
                                        released_at, submitted_at, updated_at)
                VALUES (?, 'Outages', 'An abstract.', '', 'TALK', 30, 'ACCEPTED', 0, ?, ?, ?)""", talk, now, now, now);
    }

    /**
     * A talk of the public archive, which its page reads from the database (a search of the archive reads
     * the search index instead, and answers without the database).
     */
    @Override
    protected MutableHttpRequest<?> aRead() {
        return HttpRequest.GET("/talks/" + talk);
    }
}
