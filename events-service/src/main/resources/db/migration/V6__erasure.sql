-- Right to erasure: a removed member or a cancelled RSVP keeps its row (counts, waitlist order,
-- history) but no name or address.
ALTER TABLE member MODIFY name VARCHAR(200) NULL, MODIFY email VARCHAR(254) NULL;
ALTER TABLE registration MODIFY name VARCHAR(200) NULL, MODIFY email VARCHAR(254) NULL;

-- Outbox messages about an erased member or RSVP (found by its id in their payload), deleted once
-- the relay has published every outbox row up to until_seq.
CREATE TABLE outbox_purge (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    record_id    CHAR(36)    NOT NULL,
    until_seq    BIGINT      NOT NULL,
    requested_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
