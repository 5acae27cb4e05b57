package dev.podium.talks.submission;

import dev.podium.persistence.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** The revision history: every version of a submission's content, kept in full. */
@Singleton
public class SubmissionRevisions {

    private final Sql sql;
    private final JsonMapper json;

    SubmissionRevisions(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public void record(String submissionId, int revision, TalkContent content, List<String> tags, Instant at) {
        sql.update("""
                INSERT INTO submission_revision (submission_id, revision, title, abstract_text, format, duration_minutes,
                                                 language, level, tags, notes, revised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                submissionId, revision, content.title(), content.abstractText(), content.format(), content.durationMinutes(),
                content.language(), content.level(), write(tags), content.notes(), at);
    }

    public List<RevisionView> of(String submissionId) {
        return sql.list("""
                SELECT revision, title, abstract_text, format, duration_minutes, language, level, tags, notes, revised_at
                FROM submission_revision WHERE submission_id = ? ORDER BY revision""",
                row -> new RevisionView(row.getInt("revision"), row.getString("title"), row.getString("abstract_text"),
                        row.getString("format"), row.getInt("duration_minutes"), row.getString("language"),
                        row.getString("level"), read(row.getString("tags")), row.getString("notes"),
                        Sql.instant(row, "revised_at")),
                submissionId);
    }

    private String write(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read(String tags) {
        try {
            return json.readValue(tags, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
