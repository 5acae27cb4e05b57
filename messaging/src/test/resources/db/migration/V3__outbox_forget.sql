-- Outbox.forget: messages naming an erased value that the relay had not published yet; OutboxSweep
-- deletes them (and the request) once every row up to until_seq is published.
CREATE TABLE outbox_forget (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    needle       VARCHAR(1000) NOT NULL,
    until_seq    BIGINT        NOT NULL,
    requested_at DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
