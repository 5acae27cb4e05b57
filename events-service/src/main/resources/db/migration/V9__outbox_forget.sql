-- Outbox.forget: messages naming an erased value that the relay had not published yet; OutboxSweep
-- deletes them (and the request) once every row up to until_seq is published.
CREATE TABLE outbox_forget (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    needle       VARCHAR(1000) NOT NULL,
    until_seq    BIGINT        NOT NULL,
    requested_at DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the erasures of the previous release left for after the relay, handed over to outbox_forget:
-- the records of outbox_purge, and the address of every PersonErased message still in the outbox.
-- outbox_purge is no longer used; a later release drops it.
INSERT INTO outbox_forget (needle, until_seq, requested_at)
SELECT CONCAT('"', LOWER(record_id), '"'), until_seq, requested_at FROM outbox_purge;
DELETE FROM outbox_purge;
INSERT INTO outbox_forget (needle, until_seq, requested_at)
SELECT CONCAT('"', LOWER(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.data.email'))), '"'), seq, created_at
FROM outbox WHERE type = 'podium.events.PersonErased' AND JSON_EXTRACT(payload, '$.data.email') IS NOT NULL;
