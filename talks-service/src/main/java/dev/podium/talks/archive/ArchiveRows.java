package dev.podium.talks.archive;

import dev.podium.persistence.Sql;
import dev.podium.talks.materials.MaterialsService;
import dev.podium.talks.materials.MaterialsView;
import dev.podium.talks.submission.SubmissionSpeakers;
import dev.podium.talks.submission.SubmissionTags;
import dev.podium.talks.submission.TalkSpeaker;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The public archive as the database holds it: released accepted (and confirmed) talks, except those
 * of cancelled events. The search index is built from these rows ({@link ArchiveFeed}); a talk's page
 * reads them directly. A batch of talks costs the same few queries however many it holds: the talks,
 * then the speakers, tags and materials of all of them at once.
 */
@Singleton
class ArchiveRows {

    static final String FROM = """
            FROM submission s
            LEFT JOIN known_event e ON e.id = s.event_id
            LEFT JOIN known_group g ON g.id = s.group_id
            WHERE s.status IN ('ACCEPTED', 'CONFIRMED') AND (e.status IS NULL OR e.status <> 'CANCELLED')
            """;

    static final String NEWEST_FIRST = "ORDER BY COALESCE(e.starts_at_utc, s.released_at) DESC, s.id DESC";

    private static final String COLUMNS = """
            SELECT s.id, s.title, s.abstract_text, s.speakers_text, s.released_at, s.format, s.duration_minutes, s.language, s.level,
                   e.id AS event_id, e.title AS event_title, e.starts_at, e.time_zone, e.starts_at_utc,
                   COALESCE(e.group_slug, g.slug) AS group_slug, g.name AS group_name, g.language AS group_language
            """;

    private final Sql sql;
    private final SubmissionSpeakers speakers;
    private final SubmissionTags tags;
    private final MaterialsService materials;

    ArchiveRows(Sql sql, SubmissionSpeakers speakers, SubmissionTags tags, MaterialsService materials) {
        this.sql = sql;
        this.speakers = speakers;
        this.tags = tags;
        this.materials = materials;
    }

    /** The talks of {@code ids} that are in the public archive (the others are not in the answer). */
    List<ArchiveEntry> entries(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return complete(sql.list(COLUMNS + FROM + "AND s.id IN (" + marks + ")", ArchiveRows::row, ids.toArray()));
    }

    /** Up to {@code limit} talks of the archive after {@code afterId} in id order: a rebuild's pages. */
    List<ArchiveEntry> entriesAfter(String afterId, int limit) {
        return complete(sql.list(COLUMNS + FROM + "AND s.id > ? ORDER BY s.id LIMIT ?", ArchiveRows::row, afterId, limit));
    }

    private List<ArchiveEntry> complete(List<ArchiveEntry> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(e -> e.talk().id()).toList();
        Map<String, List<TalkSpeaker>> speakersById = speakers.of(ids);
        Map<String, List<String>> tagsById = tags.of(ids);
        Map<String, MaterialsView> materialsById = materials.of(ids);
        return rows.stream().map(entry -> {
            PublicTalkView t = entry.talk();
            PublicTalkView complete = new PublicTalkView(t.id(), t.title(), t.abstractText(), t.format(), t.durationMinutes(),
                    t.language(), t.level(), tagsById.getOrDefault(t.id(), List.of()),
                    speakersById.getOrDefault(t.id(), List.of()).stream()
                            .map(s -> new PublicTalkView.Speaker(s.id(), s.name(), s.affiliation())).toList(),
                    t.event(), t.group(), materialsById.get(t.id()));
            return new ArchiveEntry(complete, entry.speakersText(), entry.releasedAt());
        }).toList();
    }

    private static ArchiveEntry row(ResultSet row) throws SQLException {
        String eventId = row.getString("event_id");
        LocalDateTime startsAt = Sql.localDateTime(row, "starts_at");
        TalkView.Event event = eventId == null ? null : new TalkView.Event(eventId, row.getString("event_title"),
                startsAt, row.getString("time_zone"), Sql.instant(row, "starts_at_utc"));
        String groupSlug = row.getString("group_slug");
        PublicTalkView.Group group = groupSlug == null ? null
                : new PublicTalkView.Group(groupSlug, row.getString("group_name"), row.getString("group_language"));
        PublicTalkView talk = new PublicTalkView(row.getString("id"), row.getString("title"), row.getString("abstract_text"),
                row.getString("format"), row.getInt("duration_minutes"), row.getString("language"), row.getString("level"),
                List.of(), List.of(), event, group, null);
        @Nullable Instant releasedAt = Sql.instant(row, "released_at");
        return new ArchiveEntry(talk, row.getString("speakers_text"), releasedAt);
    }
}
