package dev.podium.talks.archive;

import dev.podium.api.NotFound;
import dev.podium.api.PageView;
import dev.podium.persistence.Sql;
import dev.podium.talks.catalog.Catalog;
import dev.podium.talks.catalog.KnownGroup;
import dev.podium.talks.speaker.SpeakerTalks;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The public archive: released accepted (and confirmed) talks, except those of cancelled events
 * ({@link ArchiveRows}). Searches go to this replica's search index ({@link ArchiveIndex}), which reads
 * no database; a talk's page and a speaker's talks read the tables. A talk outside the archive
 * (submitted, rejected, withdrawn, of a cancelled event) is not found here, by anyone.
 */
@Singleton
class ArchiveService implements SpeakerTalks {

    private final Sql sql;
    private final ArchiveRows rows;
    private final ArchiveIndex index;
    private final Catalog catalog;

    ArchiveService(Sql sql, ArchiveRows rows, ArchiveIndex index, Catalog catalog) {
        this.sql = sql;
        this.rows = rows;
        this.index = index;
        this.catalog = catalog;
    }

    /** Newest event first, then the highest id. */
    PageView<PublicTalkView> search(ArchiveQuery query) {
        return index.search(query);
    }

    /** @throws NotFound (404) unless the talk is in the public archive */
    PublicTalkView talk(String id) {
        return rows.entries(List.of(id)).stream().findFirst().map(ArchiveEntry::talk).orElseThrow(() -> new NotFound("talk", id));
    }

    /** The groups the search form offers. */
    List<KnownGroup> groups() {
        return catalog.groups();
    }

    @Override
    public List<SpeakerTalks.Talk> of(String speakerId) {
        return sql.list("""
                SELECT s.id, s.title, s.language, e.id AS event_id, e.title AS event_title, e.starts_at, e.time_zone, g.name AS group_name
                """ + ArchiveRows.FROM + "AND s.id IN (SELECT ss.submission_id FROM submission_speaker ss WHERE ss.speaker_id = ?)\n"
                        + ArchiveRows.NEWEST_FIRST,
                row -> new SpeakerTalks.Talk(row.getString("id"), row.getString("title"), row.getString("language"), row.getString("event_id"),
                        row.getString("event_title"), Sql.localDateTime(row, "starts_at"), row.getString("time_zone"),
                        row.getString("group_name")),
                speakerId);
    }
}
