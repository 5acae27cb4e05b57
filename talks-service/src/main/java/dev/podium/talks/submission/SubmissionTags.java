package dev.podium.talks.submission;

import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A submission's tags, in the speaker's order. */
@Singleton
public class SubmissionTags {

    private final Sql sql;

    SubmissionTags(Sql sql) {
        this.sql = sql;
    }

    public List<String> of(String submissionId) {
        return sql.list("SELECT tag FROM submission_tag WHERE submission_id = ? ORDER BY seq", row -> row.getString(1), submissionId);
    }

    public Map<String, List<String>> of(Collection<String> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Map.of();
        }
        String marks = submissionIds.stream().map(id -> "?").collect(Collectors.joining(","));
        Map<String, List<String>> tags = new LinkedHashMap<>();
        sql.list("SELECT submission_id, tag FROM submission_tag WHERE submission_id IN (" + marks + ") ORDER BY submission_id, seq",
                row -> Map.entry(row.getString(1), row.getString(2)), submissionIds.toArray())
                .forEach(entry -> tags.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return tags;
    }

    public void replace(String submissionId, List<String> tags) {
        sql.update("DELETE FROM submission_tag WHERE submission_id = ?", submissionId);
        for (int i = 0; i < tags.size(); i++) {
            sql.update("INSERT INTO submission_tag (submission_id, seq, tag) VALUES (?, ?, ?)", submissionId, i, tags.get(i));
        }
    }

    /** Trimmed, without blanks and exact duplicates, in the given order. */
    static List<String> normalise(Collection<String> tags) {
        return tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
    }
}
