package dev.podium.events.erasure;

import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.PersonErased;
import dev.podium.messaging.sql.Sql;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Keeps erased people out of the outbox, whose published rows otherwise stay for days
 * ({@code podium.outbox.retention}). When someone is erased, the published rows that name them go at
 * once; the rows still waiting for the relay, the message announcing the erasure among them, go as
 * soon as the relay has published them (it publishes in {@code seq} order). A row is found by the
 * quoted value in its JSON payload: the address, or the id of the erased member or RSVP.
 */
@Singleton
public class OutboxPurge {

    private static final String PERSON_ERASED = MessageCatalog.byClass(PersonErased.class).type();

    private final Sql sql;
    private final MessageCodec codec;
    private final Clock clock;

    OutboxPurge(Sql sql, MessageCodec codec, Clock clock) {
        this.sql = sql;
        this.codec = codec;
        this.clock = clock;
    }

    /** Forgets the outbox messages about one member or RSVP: the published ones now, the others once relayed. */
    public void forgetRecord(String recordId) {
        deletePublished(recordId, Long.MAX_VALUE);
        long lastSeq = sql.count("SELECT COALESCE(MAX(seq), 0) FROM outbox");
        sql.update("INSERT INTO outbox_purge (record_id, until_seq, requested_at) VALUES (?, ?, ?)",
                recordId, lastSeq, clock.instant());
    }

    /** Forgets the published outbox messages naming the address; the PersonErased message that follows sweeps the rest. */
    public void forgetPerson(String email) {
        deletePublished(email, Long.MAX_VALUE);
    }

    /** Deletes what erasures left for after the relay; returns how many outbox rows went. */
    @Scheduled(fixedDelay = "${podium.erasure.outbox-sweep-interval:10s}", initialDelay = "5s")
    @Transactional
    public int sweep() {
        int deleted = 0;
        for (ErasureRow erasure : sql.list("SELECT seq, payload FROM outbox WHERE type = ? AND published_at IS NOT NULL",
                row -> new ErasureRow(row.getLong(1), row.getString(2)), PERSON_ERASED)) {
            if (relayedUpTo(erasure.seq())) {
                PersonErased erased = (PersonErased) codec.decode(erasure.payload()).data();
                // The PersonErased row names the address too, so it goes with the others.
                deleted += deletePublished(erased.email(), erasure.seq());
            }
        }
        for (PurgeRow purge : sql.list("SELECT id, record_id, until_seq FROM outbox_purge",
                row -> new PurgeRow(row.getLong(1), row.getString(2), row.getLong(3)))) {
            if (relayedUpTo(purge.untilSeq())) {
                deleted += deletePublished(purge.recordId(), purge.untilSeq());
                sql.update("DELETE FROM outbox_purge WHERE id = ?", purge.id());
            }
        }
        return deleted;
    }

    private boolean relayedUpTo(long seq) {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL AND seq <= ?", seq) == 0;
    }

    /** The payload's collation ignores case, as addresses do. */
    private int deletePublished(String value, long untilSeq) {
        return sql.update("DELETE FROM outbox WHERE published_at IS NOT NULL AND seq <= ? AND INSTR(payload, ?) > 0",
                untilSeq, '"' + value + '"');
    }

    private record ErasureRow(long seq, String payload) {
    }

    private record PurgeRow(long id, String recordId, long untilSeq) {
    }
}
