package dev.podium.talks.archive;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * A talk as a document of the search index: its words (title, abstract, speakers) searched, its tags
 * and group as keywords, its event's local start as a point for the date filters, its date and id as
 * the index's sort, and the talk as the archive shows it stored (JSON), so a search reads no database.
 */
@Singleton
class ArchiveDocuments {

    static final String ID = "id";
    static final String TEXT = "text";
    static final String TAG = "tag";
    static final String GROUP = "group";
    static final String LOCAL_START = "day";
    static final String SORTED_AT = "date";
    static final String SHOWN = "shown";

    /** Newest first, then the highest id: the order of the index itself, so a search stops at its page. */
    static final Sort NEWEST_FIRST = new Sort(new SortField(SORTED_AT, SortField.Type.LONG, true),
            new SortField(ID, SortField.Type.STRING, true));

    /** A talk without any date sorts last, as NULL did in the database's descending order. */
    static final long UNDATED = Long.MIN_VALUE;

    private final ArchiveAnalyzer analyzer;
    private final JsonMapper json;

    ArchiveDocuments(ArchiveAnalyzer analyzer, JsonMapper json) {
        this.analyzer = analyzer;
        this.json = json;
    }

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    Document of(ArchiveEntry entry) {
        PublicTalkView talk = entry.talk();
        Document document = new Document();
        document.add(new StringField(ID, talk.id(), Field.Store.NO));
        document.add(new SortedDocValuesField(ID, new BytesRef(talk.id())));
        document.add(new TextField(TEXT, entry.searchedText(), Field.Store.NO));
        for (String tag : talk.tags()) {
            document.add(new StringField(TAG, analyzer.keyword(TAG, tag), Field.Store.NO));
        }
        if (talk.group() != null) {
            document.add(new StringField(GROUP, analyzer.keyword(GROUP, talk.group().slug()), Field.Store.NO));
        }
        if (entry.localStart() != null) {
            document.add(new LongPoint(LOCAL_START, micros(entry.localStart())));
        }
        Instant sortedAt = entry.sortedAt();
        document.add(new NumericDocValuesField(SORTED_AT, sortedAt == null ? UNDATED : micros(sortedAt)));
        try {
            document.add(new StoredField(SHOWN, json.writeValueAsBytes(talk)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return document;
    }

    PublicTalkView talk(Document document) {
        try {
            return json.readValue(document.getBinaryValue(SHOWN).bytes, PublicTalkView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wall-clock time as microseconds, read as if it were UTC: only compared with others read the same way. */
    static long micros(LocalDateTime localTime) {
        return micros(localTime.toInstant(ZoneOffset.UTC));
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
