package dev.podium.talks.archive;

import dev.podium.persistence.DatabaseUnreachable;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica's search index ({@link ArchiveIndex}) in step with the archive's tables: every
 * {@code podium.archive.poll-interval} it reads the {@code archive_change} rows after the last it
 * applied, re-reads those talks (one batch of queries for many) and puts them in the index or takes
 * them out (rejected, withdrawn, of a cancelled event), then lets searches see them. Every
 * {@code podium.archive.commit-interval} it commits the index with the change it has reached.
 * <p>
 * At the first run it resumes from the index's last commit, or rebuilds the index from the tables when
 * there is none, it is unreadable, of another database, or older than the oldest change kept.
 * The database rather than Kafka feeds it: the archive joins facts of three topics (submissions,
 * events, people) that the read model already joins in one transaction, and the triggers that write
 * {@code archive_change} see every write path, the consumers' included.
 */
@Singleton
class ArchiveFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveFeed.class);
    private static final long REFRESH_WHILE_CATCHING_UP_NANOS = 500_000_000L;

    private final ArchiveIndex index;
    private final ArchiveRows rows;
    private final ArchiveChanges changes;
    private final Clock clock;
    private final Duration holeWait;
    private final Duration commitInterval;
    private final int batchSize;

    private String origin;
    private ChangeCursor cursor;
    private long committedSeq = -1;
    private Instant committedAt = Instant.MIN;
    private volatile boolean caughtUp;
    private volatile boolean closed;

    ArchiveFeed(ArchiveIndex index, ArchiveRows rows, ArchiveChanges changes, Clock clock,
                @Value("${podium.archive.hole-wait:60s}") Duration holeWait,
                @Value("${podium.archive.commit-interval:5s}") Duration commitInterval,
                @Value("${podium.archive.batch-size:500}") int batchSize) {
        this.index = index;
        this.rows = rows;
        this.changes = changes;
        this.clock = clock;
        this.holeWait = holeWait;
        this.commitInterval = commitInterval;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelay = "${podium.archive.poll-interval:200ms}", initialDelay = "${podium.archive.initial-delay:0s}")
    void scheduled() {
        try {
            follow();
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.is(e)) {
                throw e;
            }
            LOG.warn("The archive's search index cannot reach the database, will try again: {}", e.getMessage());
        }
    }

    /** Whether the index has applied every change there was when it last looked (readiness). */
    boolean caughtUp() {
        return caughtUp;
    }

    /** Applies the changes not yet in the index, all of them, then makes them visible to searches. */
    synchronized void follow() {
        // At shutdown the scheduler may still run a feed (even a new one) once the index is closed.
        if (closed || index.closed()) {
            return;
        }
        try {
            if (cursor == null) {
                start();
            }
            if (cursor == null) {
                return; // stopped during the rebuild
            }
            List<ArchiveChanges.Change> read;
            long refreshed = System.nanoTime();
            do {
                read = changes.after(cursor.highest(), batchSize);
                List<ArchiveChanges.Change> all = new ArrayList<>(read);
                List<Long> missing = cursor.missing();
                all.addAll(changes.withSeqs(missing.subList(0, Math.min(missing.size(), batchSize))));
                apply(all);
                cursor.read(all.stream().map(ArchiveChanges.Change::seq).toList(), clock.instant());
                // While catching up (a bulk load), searches see progress every few hundred ms, not every batch:
                // each refresh writes a small segment that merges must then rewrite.
                if (read.size() < batchSize || System.nanoTime() - refreshed > REFRESH_WHILE_CATCHING_UP_NANOS) {
                    index.refresh();
                    refreshed = System.nanoTime();
                }
                commitIfDue();
            } while (read.size() == batchSize && !closed);
            caughtUp = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() throws IOException {
        origin = changes.origin();
        ArchiveChanges.Range kept = changes.range();
        Optional<ArchiveIndex.Position> indexed = index.committedAtStart();
        if (indexed.isPresent() && resumable(indexed.get(), kept)) {
            LOG.info("The archive's search index in {} resumes after change {} ({} talks)", index.folder(), indexed.get().seq(),
                    index.documents());
            cursor = new ChangeCursor(indexed.get().seq(), holeWait);
            committedSeq = indexed.get().seq();
            return;
        }
        rebuild(kept.last());
    }

    private boolean resumable(ArchiveIndex.Position indexed, ArchiveChanges.Range kept) {
        boolean sameDatabase = indexed.origin().equals(origin);
        // Retention may have deleted changes the index never saw: only those after the oldest one kept are known.
        boolean noneForgotten = kept.first() == 0 ? indexed.seq() == 0 : indexed.seq() >= kept.first() - 1;
        return sameDatabase && noneForgotten && indexed.seq() <= kept.last();
    }

    /**
     * Indexes every talk of the archive, as of now, as containing the changes up to {@code last}: the ones
     * after it, written while the rebuild reads, are applied next (again, for some: harmless).
     */
    private void rebuild(long last) throws IOException {
        long started = System.nanoTime();
        index.clear();
        String after = "";
        int count = 0;
        for (List<ArchiveEntry> page = rows.entriesAfter(after, batchSize); !page.isEmpty() && !closed;
             page = rows.entriesAfter(after, batchSize)) {
            index.add(page);
            count += page.size();
            after = page.get(page.size() - 1).talk().id();
        }
        if (closed) {
            return;
        }
        index.refresh();
        commit(last);
        cursor = new ChangeCursor(last, holeWait);
        LOG.info("The archive's search index in {} was rebuilt from the database: {} talks in {} ms", index.folder(), count,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void apply(List<ArchiveChanges.Change> read) throws IOException {
        if (read.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        read.forEach(change -> ids.add(change.submissionId()));
        index.apply(ids, rows.entries(ids));
    }

    private void commitIfDue() throws IOException {
        long safePoint = cursor.safePoint();
        if (safePoint != committedSeq && !clock.instant().isBefore(committedAt.plus(commitInterval))) {
            commit(safePoint);
        }
    }

    private void commit(long seq) throws IOException {
        index.commit(new ArchiveIndex.Position(origin, seq));
        committedSeq = seq;
        committedAt = clock.instant();
    }

    /** Stops the feed (a rebuild under way stops at its next page) and commits what it applied. */
    @PreDestroy
    void close() throws IOException {
        closed = true;
        synchronized (this) {
            if (cursor != null && cursor.safePoint() != committedSeq) {
                commit(cursor.safePoint());
            }
        }
    }
}
