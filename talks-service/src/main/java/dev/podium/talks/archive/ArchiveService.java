package dev.podium.talks.archive;

import dev.podium.api.NotFound;
import dev.podium.api.PageView;
import dev.podium.persistence.Sql;
import dev.podium.talks.catalog.Catalog;
import dev.podium.talks.catalog.KnownGroup;
import dev.podium.talks.materials.MaterialsService;
import dev.podium.talks.materials.MaterialsView;
import dev.podium.talks.speaker.SpeakerTalks;
import dev.podium.talks.submission.SubmissionSpeakers;
import dev.podium.talks.submission.SubmissionTags;
import dev.podium.talks.submission.TalkSpeaker;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public archive: released accepted (and confirmed) talks, except those of cancelled events,
 * searched with the FULLTEXT index on
 * title, abstract and speakers' names and affiliations. The table's utf8mb4_unicode_ci collation makes
 * the search case- and accent-insensitive on MySQL and MariaDB alike. Newest event first. A talk
 * outside it (submitted, rejected, withdrawn, of a cancelled event) is not found here, by anyone.
 * A page of results costs the same few queries however many talks it lists: the page, then the
 * speakers, tags and materials of all its talks at once.
 */
@Singleton
class ArchiveService implements SpeakerTalks {

    private static final int ER_PARSE_ERROR = 1064;

    private static final String FROM = """
            FROM submission s
            LEFT JOIN known_event e ON e.id = s.event_id
            LEFT JOIN known_group g ON g.id = s.group_id
            WHERE s.status IN ('ACCEPTED', 'CONFIRMED') AND (e.status IS NULL OR e.status <> 'CANCELLED')
            """;

    private static final String COLUMNS = """
            SELECT s.id, s.title, s.abstract_text, s.format, s.duration_minutes, s.language, s.level,
                   e.id AS event_id, e.title AS event_title, e.starts_at, e.time_zone, e.starts_at_utc,
                   COALESCE(e.group_slug, g.slug) AS group_slug, g.name AS group_name, g.language AS group_language
            """;

    private static final String NEWEST_FIRST = "ORDER BY COALESCE(e.starts_at_utc, s.released_at) DESC, s.id DESC";

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final SubmissionSpeakers speakers;
    private final SubmissionTags tags;
    private final MaterialsService materials;
    private final Catalog catalog;

    ArchiveService(Sql sql, TransactionOperations<Connection> transactions, SubmissionSpeakers speakers,
                  SubmissionTags tags, MaterialsService materials, Catalog catalog) {
        this.sql = sql;
        this.transactions = transactions;
        this.speakers = speakers;
        this.tags = tags;
        this.materials = materials;
        this.catalog = catalog;
    }

    /** @throws InvalidArchiveQuery (400) for a boolean-mode expression the database cannot parse */
    PageView<PublicTalkView> search(ArchiveQuery query) {
        StringBuilder where = new StringBuilder(FROM);
        List<Object> parameters = new ArrayList<>();
        if (query.q() != null) {
            where.append(query.booleanMode()
                    ? "AND MATCH (s.title, s.abstract_text, s.speakers_text) AGAINST (? IN BOOLEAN MODE)\n"
                    : "AND MATCH (s.title, s.abstract_text, s.speakers_text) AGAINST (? IN NATURAL LANGUAGE MODE)\n");
            parameters.add(query.q());
        }
        if (query.tag() != null) {
            where.append("AND EXISTS (SELECT 1 FROM submission_tag t WHERE t.submission_id = s.id AND t.tag = ?)\n");
            parameters.add(query.tag());
        }
        if (query.group() != null) {
            where.append("AND COALESCE(e.group_slug, g.slug) = ?\n");
            parameters.add(query.group());
        }
        if (query.from() != null) {
            where.append("AND e.starts_at >= ?\n");
            parameters.add(query.from().atStartOfDay());
        }
        if (query.to() != null) {
            where.append("AND e.starts_at < ?\n");
            parameters.add(query.to().plusDays(1).atStartOfDay());
        }
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(query.page().sizeOrDefault());
        paged.add(query.page().offset());
        try {
            return transactions.executeRead(status -> {
                long total = sql.count("SELECT COUNT(*) " + where, parameters.toArray());
                List<PublicTalkView> rows = sql.list(COLUMNS + where + NEWEST_FIRST + " LIMIT ? OFFSET ?",
                        ArchiveService::row, paged.toArray());
                return new PageView<>(complete(rows), query.page().pageOrFirst(), query.page().sizeOrDefault(), total);
            });
        } catch (RuntimeException e) {
            if (query.booleanMode() && isParseError(e)) {
                throw new InvalidArchiveQuery(List.of(ArchiveQuery.Violation.booleanSyntax(
                        "q is not a valid boolean-mode expression: " + query.q())));
            }
            throw e;
        }
    }

    /** @throws NotFound (404) unless the talk is in the public archive */
    PublicTalkView talk(String id) {
        return transactions.executeRead(status -> {
            List<PublicTalkView> rows = sql.list(COLUMNS + FROM + "AND s.id = ?", ArchiveService::row, id);
            if (rows.isEmpty()) {
                throw new NotFound("talk", id);
            }
            return complete(rows).get(0);
        });
    }

    /** The groups the search form offers. */
    List<KnownGroup> groups() {
        return catalog.groups();
    }

    @Override
    public List<SpeakerTalks.Talk> of(String speakerId) {
        return sql.list("""
                SELECT s.id, s.title, s.language, e.id AS event_id, e.title AS event_title, e.starts_at, e.time_zone, g.name AS group_name
                """ + FROM + "AND s.id IN (SELECT ss.submission_id FROM submission_speaker ss WHERE ss.speaker_id = ?)\n" + NEWEST_FIRST,
                row -> new SpeakerTalks.Talk(row.getString("id"), row.getString("title"), row.getString("language"), row.getString("event_id"),
                        row.getString("event_title"), Sql.localDateTime(row, "starts_at"), row.getString("time_zone"),
                        row.getString("group_name")),
                speakerId);
    }

    private List<PublicTalkView> complete(List<PublicTalkView> rows) {
        List<String> ids = rows.stream().map(PublicTalkView::id).toList();
        Map<String, List<TalkSpeaker>> speakersById = speakers.of(ids);
        Map<String, List<String>> tagsById = tags.of(ids);
        Map<String, MaterialsView> materialsById = materials.of(ids);
        return rows.stream().map(t -> new PublicTalkView(t.id(), t.title(), t.abstractText(), t.format(), t.durationMinutes(),
                t.language(), t.level(), tagsById.getOrDefault(t.id(), List.of()),
                speakersById.getOrDefault(t.id(), List.of()).stream()
                        .map(s -> new PublicTalkView.Speaker(s.id(), s.name(), s.affiliation())).toList(),
                t.event(), t.group(), materialsById.get(t.id()))).toList();
    }

    private static PublicTalkView row(ResultSet row) throws SQLException {
        String eventId = row.getString("event_id");
        TalkView.Event event = eventId == null ? null : new TalkView.Event(eventId, row.getString("event_title"),
                Sql.localDateTime(row, "starts_at"), row.getString("time_zone"), Sql.instant(row, "starts_at_utc"));
        String groupSlug = row.getString("group_slug");
        PublicTalkView.Group group = groupSlug == null ? null
                : new PublicTalkView.Group(groupSlug, row.getString("group_name"), row.getString("group_language"));
        return new PublicTalkView(row.getString("id"), row.getString("title"), row.getString("abstract_text"),
                row.getString("format"), row.getInt("duration_minutes"), row.getString("language"), row.getString("level"),
                List.of(), List.of(), event, group, null);
    }

    private static boolean isParseError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlException && sqlException.getErrorCode() == ER_PARSE_ERROR) {
                return true;
            }
        }
        return false;
    }
}
