package dev.podium.talks.archive;

import dev.podium.api.PageView;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's search index of the archive (Lucene), in {@code podium.archive.index-dir} (a
 * temporary folder, rebuilt at each start, when that is empty). Sorted by date, newest first, then
 * id: a search collects its page and stops, whatever the number of matches. Each commit records the
 * last {@code archive_change} it contains and the database it came from ({@link Position}), so a
 * restart resumes there; an index that is missing, unreadable or of another schema opens empty and
 * is rebuilt ({@link ArchiveFeed}). Written by the feed alone; searched by any thread.
 */
@Singleton
class ArchiveIndex {

    /** Raised whenever the documents or their analysis change: an index of another schema is rebuilt. */
    static final String SCHEMA = "1";

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIndex.class);
    private static final String SCHEMA_KEY = "schema";
    private static final String ORIGIN_KEY = "origin";
    private static final String SEQ_KEY = "archive_change.seq";
    private static final Set<String> SHOWN_ONLY = Set.of(ArchiveDocuments.SHOWN);

    /** What a commit contains: every change up to {@code seq} of the database {@code origin}. */
    record Position(String origin, long seq) {
    }

    private final Path folder;
    private final boolean temporary;
    private final ArchiveDocuments documents;
    private final SearchQueries queries;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Optional<Position> committed;
    private volatile boolean closed;

    ArchiveIndex(@Value("${podium.archive.index-dir:}") String indexDir, ArchiveAnalyzer analyzer, ArchiveDocuments documents,
                 SearchQueries queries) throws IOException {
        this.temporary = indexDir.isBlank();
        this.folder = temporary ? Files.createTempDirectory("podium-archive-index") : Files.createDirectories(Path.of(indexDir));
        this.documents = documents;
        this.queries = queries;
        this.directory = FSDirectory.open(folder);
        Optional<Position> position = Optional.empty();
        IndexWriter opened = null;
        try {
            if (DirectoryReader.indexExists(directory)) {
                position = position(SegmentInfos.readLatestCommit(directory).getUserData());
                opened = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.APPEND));
            }
        } catch (LockObtainFailedException taken) {
            throw new IllegalStateException("The archive's search index in " + folder + " is open in another process: "
                    + "each replica needs a podium.archive.index-dir of its own", taken);
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("The archive's search index in {} cannot be read ({}): it is rebuilt", folder, unreadable.toString());
            position = Optional.empty();
            deleteFiles(folder);
        }
        this.writer = opened != null ? opened : new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
        this.committed = position;
        this.searchers = new SearcherManager(writer, null);
    }

    private static IndexWriterConfig config(ArchiveAnalyzer analyzer, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setIndexSort(ArchiveDocuments.NEWEST_FIRST)
                .setCommitOnClose(false);
    }

    private static Optional<Position> position(Map<String, String> commit) {
        if (!SCHEMA.equals(commit.get(SCHEMA_KEY)) || commit.get(ORIGIN_KEY) == null || commit.get(SEQ_KEY) == null) {
            return Optional.empty();
        }
        return Optional.of(new Position(commit.get(ORIGIN_KEY), Long.parseLong(commit.get(SEQ_KEY))));
    }

    Path folder() {
        return folder;
    }

    /** Where the index's last commit before this start stood; empty when it must be rebuilt. */
    Optional<Position> committedAtStart() {
        return committed;
    }

    PageView<PublicTalkView> search(ArchiveQuery search) {
        Query query = queries.of(search);
        int size = search.page().sizeOrDefault();
        long offset = search.page().offset();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int total = searcher.count(query);
                List<PublicTalkView> items = new ArrayList<>();
                if (offset < total) {
                    TopDocs top = searcher.search(query, (int) Math.min(offset + size, total), ArchiveDocuments.NEWEST_FIRST);
                    StoredFields stored = searcher.storedFields();
                    for (int i = (int) offset; i < top.scoreDocs.length; i++) {
                        items.add(documents.talk(stored.document(top.scoreDocs[i].doc, SHOWN_ONLY)));
                    }
                }
                return new PageView<>(items, search.page().pageOrFirst(), size, total);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the index hold the {@code present} talks as they are now and none of the other {@code ids}. */
    void apply(Collection<String> ids, List<ArchiveEntry> present) throws IOException {
        Set<String> absent = new java.util.HashSet<>(ids);
        for (ArchiveEntry entry : present) {
            absent.remove(entry.talk().id());
            writer.updateDocument(ArchiveDocuments.idTerm(entry.talk().id()), documents.of(entry));
        }
        for (String id : absent) {
            writer.deleteDocuments(ArchiveDocuments.idTerm(id));
        }
    }

    /** Starts a rebuild: the searches see the old documents until the next {@link #refresh()}. */
    void clear() throws IOException {
        writer.deleteAll();
    }

    void add(List<ArchiveEntry> entries) throws IOException {
        for (ArchiveEntry entry : entries) {
            writer.addDocument(documents.of(entry));
        }
    }

    /** Searches see what was applied. */
    void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    /** Makes what was applied durable, as containing every change up to {@code position}. */
    void commit(Position position) throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA, ORIGIN_KEY, position.origin(), SEQ_KEY, Long.toString(position.seq()))
                .entrySet());
        writer.commit();
    }

    int documents() {
        return writer.getDocStats().numDocs;
    }

    /** Whether the index was closed (the application is stopping). */
    boolean closed() {
        return closed;
    }

    @PreDestroy
    synchronized void close() throws IOException {
        closed = true;
        searchers.close();
        // Without a commit: what was applied since the last one is applied again from its position at the next start.
        writer.rollback();
        directory.close();
        if (temporary) {
            deleteFiles(folder);
            Files.deleteIfExists(folder);
        }
    }

    private static void deleteFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(folder)).toList()) {
                Files.delete(file);
            }
        }
    }
}
