package dev.podium.talks.review;

import dev.podium.api.BadRequest;
import dev.podium.api.NotFound;
import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.persistence.Sql;
import dev.podium.security.Caller;
import dev.podium.talks.catalog.OrganiserAccess;
import dev.podium.talks.cfp.Target;
import dev.podium.talks.cfp.Targets;
import dev.podium.talks.submission.SubmissionSpeakers;
import dev.podium.talks.submission.SubmissionStatus;
import dev.podium.talks.submission.SubmissionTags;
import dev.podium.talks.submission.TalkSpeaker;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The organisers' view of the submissions to an event or a group's open call (its organisers and admin). */
@Singleton
public class ReviewBoardService {

    private static final String SELECT = """
            SELECT s.id, s.status, s.event_id, s.group_id, s.title, s.abstract_text, s.format, s.duration_minutes, s.language,
                   s.level, s.notes, s.revision, s.submitted_at, s.updated_at, s.staged_decision, s.decision_reason,
                   s.decided_by, s.decided_at, s.released_at, r.average_score, COALESCE(r.review_count, 0) AS review_count
            FROM submission s
            LEFT JOIN (SELECT submission_id, AVG(score) AS average_score, COUNT(*) AS review_count
                       FROM review GROUP BY submission_id) r ON r.submission_id = s.id
            """;

    private final Sql sql;
    private final Targets targets;
    private final SubmissionSpeakers speakers;
    private final SubmissionTags tags;
    private final OrganiserAccess access;

    ReviewBoardService(Sql sql, Targets targets, SubmissionSpeakers speakers, SubmissionTags tags, OrganiserAccess access) {
        this.sql = sql;
        this.targets = targets;
        this.speakers = speakers;
        this.tags = tags;
        this.access = access;
    }

    /**
     * @param status null for all
     * @param sort   {@code submitted} (oldest first, the default) or {@code score} (best average first, unreviewed last)
     */
    @Transactional(readOnly = true)
    public PageView<OrganiserSubmissionView> list(Target target, @Nullable String status, @Nullable String sort,
                                                  PageQuery page, Caller caller) {
        access.requireOrganiserOf(target.groupId(), caller);
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (target.isEvent()) {
            where.append("WHERE s.event_id = ?");
            parameters.add(target.id());
        } else {
            where.append("WHERE s.group_id = ? AND s.event_id IS NULL");
            parameters.add(target.id());
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND s.status = ?");
            parameters.add(status(status));
        }
        String order = switch (sort == null || sort.isBlank() ? "submitted" : sort.toLowerCase(Locale.ROOT)) {
            case "submitted" -> " ORDER BY s.submitted_at, s.id";
            case "score" -> " ORDER BY r.average_score IS NULL, r.average_score DESC, s.submitted_at, s.id";
            default -> throw new BadRequest("invalid-sort", "Invalid sort", "sort must be submitted or score, not " + sort);
        };
        long total = sql.count("SELECT COUNT(*) FROM submission s " + where, parameters.toArray());
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(page.sizeOrDefault());
        paged.add(page.offset());
        List<Row> rows = sql.list(SELECT + where + order + " LIMIT ? OFFSET ?", ReviewBoardService::row, paged.toArray());
        return new PageView<>(views(rows), page.pageOrFirst(), page.sizeOrDefault(), total);
    }

    @Transactional(readOnly = true)
    public OrganiserSubmissionView one(String submissionId) {
        List<Row> rows = sql.list(SELECT + "WHERE s.id = ?", ReviewBoardService::row, submissionId);
        if (rows.isEmpty()) {
            throw new NotFound("submission", submissionId);
        }
        return views(rows).get(0);
    }

    public Target event(String eventId) {
        return targets.event(eventId);
    }

    public Target group(String slug) {
        return targets.group(slug);
    }

    private List<OrganiserSubmissionView> views(List<Row> rows) {
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, List<TalkSpeaker>> speakersById = speakers.of(ids);
        Map<String, List<String>> tagsById = tags.of(ids);
        return rows.stream().map(row -> row.view(speakersById.getOrDefault(row.id(), List.of()),
                tagsById.getOrDefault(row.id(), List.of()))).toList();
    }

    private static String status(String status) {
        String upper = status.toUpperCase(Locale.ROOT);
        if (Arrays.stream(SubmissionStatus.values()).noneMatch(s -> s.name().equals(upper))) {
            throw new BadRequest("invalid-status", "Invalid status",
                    "status must be one of " + Arrays.toString(SubmissionStatus.values()) + ", not " + status);
        }
        return upper;
    }

    private record Row(String id, OrganiserSubmissionView partial) {

        OrganiserSubmissionView view(List<TalkSpeaker> speakers, List<String> tags) {
            OrganiserSubmissionView p = partial;
            return new OrganiserSubmissionView(p.id(), p.status(), p.eventId(), p.groupId(), p.title(), p.abstractText(),
                    p.format(), p.durationMinutes(), p.language(), p.level(), tags, p.notes(), speakers, p.revision(),
                    p.submittedAt(), p.updatedAt(), p.averageScore(), p.reviewCount(), p.decision());
        }
    }

    private static Row row(ResultSet row) throws SQLException {
        BigDecimal average = row.getBigDecimal("average_score");
        String outcome = row.getString("staged_decision");
        OrganiserSubmissionView.Decision decision = outcome == null ? null
                : new OrganiserSubmissionView.Decision(outcome, row.getString("decision_reason"), row.getString("decided_by"),
                Sql.instant(row, "decided_at"), row.getTimestamp("released_at") != null, Sql.instant(row, "released_at"));
        String id = row.getString("id");
        return new Row(id, new OrganiserSubmissionView(id, row.getString("status"), row.getString("event_id"),
                row.getString("group_id"), row.getString("title"), row.getString("abstract_text"), row.getString("format"),
                row.getInt("duration_minutes"), row.getString("language"), row.getString("level"), List.of(),
                row.getString("notes"), List.of(), row.getInt("revision"), Sql.instant(row, "submitted_at"),
                Sql.instant(row, "updated_at"),
                average == null ? null : average.setScale(2, RoundingMode.HALF_UP).doubleValue(),
                row.getInt("review_count"), decision));
    }
}
