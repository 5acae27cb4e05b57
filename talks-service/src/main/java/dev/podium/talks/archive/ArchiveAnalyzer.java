package dev.podium.talks.archive;

import jakarta.inject.Singleton;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.BytesRef;

/**
 * How the archive's words are cut and compared, at index and query time alike: Unicode word breaks,
 * accents folded ("Université" is "universite"), case ignored, and the stop words InnoDB's FULLTEXT
 * search ignored (so that all-words searches do not require "the" or "of").
 */
@Singleton
final class ArchiveAnalyzer extends Analyzer {

    /** InnoDB's default stop words (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD). */
    static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is", "it",
            "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "und",
            "www"), false));

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream folded = new LowerCaseFilter(new ASCIIFoldingFilter(tokenizer));
        return new TokenStreamComponents(tokenizer, new StopFilter(folded, STOP_WORDS));
    }

    /** What prefix and keyword terms go through: folding without cutting. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new ASCIIFoldingFilter(in));
    }

    /** A tag or group slug as the index keeps it: compared without case or accents, as the database's collation did. */
    String keyword(String field, String value) {
        BytesRef normalized = normalize(field, value.strip());
        return normalized.utf8ToString();
    }
}
