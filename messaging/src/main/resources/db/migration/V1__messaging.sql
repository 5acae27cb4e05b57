-- The transactional outbox (relayed to Kafka) and the idempotent consumer's processed messages.
CREATE TABLE outbox (
    seq          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id   CHAR(36)     NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(200) NOT NULL,
    type         VARCHAR(200) NOT NULL,
    payload      MEDIUMTEXT   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    published_at DATETIME(6)  NULL,
    UNIQUE KEY uk_outbox_message_id (message_id),
    KEY ix_outbox_pending (published_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row; the replica holding its lock is the one relaying (SELECT ... FOR UPDATE SKIP LOCKED).
CREATE TABLE outbox_relay_lock (
    name VARCHAR(50) NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO outbox_relay_lock (name) VALUES ('relay');

CREATE TABLE processed_message (
    consumer     VARCHAR(100) NOT NULL,
    message_id   CHAR(36)     NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
