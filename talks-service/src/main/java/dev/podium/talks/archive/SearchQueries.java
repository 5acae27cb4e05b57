package dev.podium.talks.archive;

import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;

/**
 * An archive search as a Lucene query. The words go through {@link SimpleQueryParser}, which never
 * fails on syntax. Every word must appear, in both modes: results are listed by date, not relevance,
 * so "any of the words" would list mostly talks that barely match. Natural mode reads the text as
 * words only; boolean mode adds the operators {@code "a phrase"}, {@code prefix*}, {@code -not},
 * {@code a | b} (either), {@code +} (both, as between any two words) and parentheses.
 */
@Singleton
class SearchQueries {

    private static final int BOOLEAN_OPERATORS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.ESCAPE_OPERATOR;

    private final ArchiveAnalyzer analyzer;

    SearchQueries(ArchiveAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query of(ArchiveQuery search) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(search.q() == null ? new MatchAllDocsQuery() : words(search.q(), search.booleanMode()), BooleanClause.Occur.MUST);
        if (search.tag() != null) {
            query.add(new TermQuery(new Term(ArchiveDocuments.TAG, analyzer.keyword(ArchiveDocuments.TAG, search.tag()))),
                    BooleanClause.Occur.FILTER);
        }
        if (search.group() != null) {
            query.add(new TermQuery(new Term(ArchiveDocuments.GROUP, analyzer.keyword(ArchiveDocuments.GROUP, search.group()))),
                    BooleanClause.Occur.FILTER);
        }
        if (search.from() != null || search.to() != null) {
            long from = search.from() == null ? Long.MIN_VALUE : ArchiveDocuments.micros(search.from().atStartOfDay());
            long to = search.to() == null ? Long.MAX_VALUE
                    : ArchiveDocuments.micros(LocalDateTime.of(search.to().plusDays(1), java.time.LocalTime.MIDNIGHT)) - 1;
            query.add(LongPoint.newRangeQuery(ArchiveDocuments.LOCAL_START, from, to), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private Query words(String text, boolean booleanMode) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(ArchiveDocuments.TEXT, 1.0f),
                booleanMode ? BOOLEAN_OPERATORS : SimpleQueryParser.WHITESPACE_OPERATOR);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }
}
