-- What changed in the public archive, in commit order of the changes' ids: each replica's search index
-- (ArchiveFeed) reads the rows after the last it applied and re-reads those talks. Written by the
-- triggers below, in the transaction of the change itself, so no write path can forget it and a crash
-- loses nothing. Retention (podium.archive.change-retention) deletes old rows; an index older than the
-- oldest row left is rebuilt from the tables.
CREATE TABLE archive_change (
    seq           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id CHAR(36)    NOT NULL,
    changed_at    DATETIME(6) NOT NULL,
    KEY ix_archive_change_at (changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER archive_submission_inserted AFTER INSERT ON submission FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (NEW.id, UTC_TIMESTAMP(6));
CREATE TRIGGER archive_submission_updated AFTER UPDATE ON submission FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (NEW.id, UTC_TIMESTAMP(6));
CREATE TRIGGER archive_submission_deleted AFTER DELETE ON submission FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (OLD.id, UTC_TIMESTAMP(6));

CREATE TRIGGER archive_speaker_added AFTER INSERT ON submission_speaker FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (NEW.submission_id, UTC_TIMESTAMP(6));
CREATE TRIGGER archive_speaker_removed AFTER DELETE ON submission_speaker FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (OLD.submission_id, UTC_TIMESTAMP(6));

CREATE TRIGGER archive_tag_added AFTER INSERT ON submission_tag FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (NEW.submission_id, UTC_TIMESTAMP(6));
CREATE TRIGGER archive_tag_removed AFTER DELETE ON submission_tag FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (OLD.submission_id, UTC_TIMESTAMP(6));

CREATE TRIGGER archive_materials_added AFTER INSERT ON talk_materials FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (NEW.submission_id, UTC_TIMESTAMP(6));
CREATE TRIGGER archive_materials_updated AFTER UPDATE ON talk_materials FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (NEW.submission_id, UTC_TIMESTAMP(6));
CREATE TRIGGER archive_materials_removed AFTER DELETE ON talk_materials FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at) VALUES (OLD.submission_id, UTC_TIMESTAMP(6));

-- A speaker's name or affiliation (an erasure included) is shown and searched in each of their talks.
CREATE TRIGGER archive_speaker_updated AFTER UPDATE ON speaker FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at)
    SELECT ss.submission_id, UTC_TIMESTAMP(6) FROM submission_speaker ss WHERE ss.speaker_id = NEW.id;

-- An event's date, title or cancellation, and a group's name, are part of each of their talks' entries.
CREATE TRIGGER archive_event_added AFTER INSERT ON known_event FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at)
    SELECT s.id, UTC_TIMESTAMP(6) FROM submission s WHERE s.event_id = NEW.id;
CREATE TRIGGER archive_event_updated AFTER UPDATE ON known_event FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at)
    SELECT s.id, UTC_TIMESTAMP(6) FROM submission s WHERE s.event_id = NEW.id;
CREATE TRIGGER archive_group_added AFTER INSERT ON known_group FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at)
    SELECT s.id, UTC_TIMESTAMP(6) FROM submission s WHERE s.group_id = NEW.id;
CREATE TRIGGER archive_group_updated AFTER UPDATE ON known_group FOR EACH ROW
    INSERT INTO archive_change (submission_id, changed_at)
    SELECT s.id, UTC_TIMESTAMP(6) FROM submission s WHERE s.group_id = NEW.id;

-- This database's identity, recorded in each index's commit: an index built from another database (a reset
-- stack, a restored backup) is rebuilt rather than resumed at a change id that means something else here.
CREATE TABLE archive_origin (
    id     INT      NOT NULL PRIMARY KEY,
    origin CHAR(36) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO archive_origin (id, origin) VALUES (1, UUID());

-- The search index replaces the FULLTEXT index, which every write of a submission paid for.
ALTER TABLE submission DROP INDEX ft_submission_text;
