package dev.podium.talks.submission;

import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who gives which talk, in order (the primary speaker first). */
@Singleton
public class SubmissionSpeakers {

    private static final String SELECT = """
            SELECT ss.submission_id, sp.id, sp.name, sp.email, sp.affiliation, ss.role
            FROM submission_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id
            """;

    private final Sql sql;

    SubmissionSpeakers(Sql sql) {
        this.sql = sql;
    }

    public List<TalkSpeaker> of(String submissionId) {
        return sql.list(SELECT + "WHERE ss.submission_id = ? ORDER BY ss.seq", SubmissionSpeakers::speaker, submissionId);
    }

    /** The speakers of each of the given submissions, in order; a submission without speakers is absent. */
    public Map<String, List<TalkSpeaker>> of(Collection<String> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Map.of();
        }
        String marks = submissionIds.stream().map(id -> "?").collect(Collectors.joining(","));
        Map<String, List<TalkSpeaker>> speakers = new LinkedHashMap<>();
        sql.list(SELECT + "WHERE ss.submission_id IN (" + marks + ") ORDER BY ss.submission_id, ss.seq",
                row -> Map.entry(row.getString(1), speaker(row)), submissionIds.toArray())
                .forEach(entry -> speakers.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return speakers;
    }

    public void add(String submissionId, String speakerId, String role, Instant joinedAt) {
        sql.update("""
                INSERT INTO submission_speaker (submission_id, speaker_id, seq, role, joined_at)
                SELECT ?, ?, COALESCE(MAX(seq), -1) + 1, ?, ? FROM submission_speaker WHERE submission_id = ?""",
                submissionId, speakerId, role, joinedAt, submissionId);
    }

    public boolean isSpeaker(String submissionId, String speakerId) {
        return sql.count("SELECT COUNT(*) FROM submission_speaker WHERE submission_id = ? AND speaker_id = ?",
                submissionId, speakerId) > 0;
    }

    public boolean hasSpeakerWithEmail(String submissionId, String email) {
        return sql.count("""
                SELECT COUNT(*) FROM submission_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id
                WHERE ss.submission_id = ? AND sp.email = ?""", submissionId, email) > 0;
    }

    public List<String> submissionsOf(String speakerId) {
        return sql.list("SELECT submission_id FROM submission_speaker WHERE speaker_id = ?", row -> row.getString(1), speakerId);
    }

    static String searchText(List<TalkSpeaker> speakers) {
        return speakers.stream().map(TalkSpeaker::searchText).collect(Collectors.joining("; "));
    }

    private static TalkSpeaker speaker(ResultSet row) throws SQLException {
        return new TalkSpeaker(row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6));
    }
}
