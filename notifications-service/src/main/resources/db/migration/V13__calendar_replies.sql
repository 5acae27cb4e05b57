-- Every email read from the organizer mailbox, once: message_key (SHA-256 of its Message-ID, or of the whole
-- message when it has none) is unique, so a reply read again (a crash before it was flagged as seen, another
-- replica polling) inserts nothing and publishes nothing. Unmatched replies are kept with their reason.
CREATE TABLE calendar_reply (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    message_key    CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    message_id     VARCHAR(998) NULL,
    sender         VARCHAR(320) NULL,
    status         VARCHAR(16)  NOT NULL,
    reason         VARCHAR(64)  NULL,
    uid            VARCHAR(500) NULL,
    event_id       CHAR(36)     NULL,
    attendee_email VARCHAR(320) NULL,
    answer         VARCHAR(16)  NULL,
    received_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY uq_calendar_reply_message (message_key),
    KEY ix_calendar_reply_status (status, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
