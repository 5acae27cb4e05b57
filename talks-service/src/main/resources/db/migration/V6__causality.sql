-- Causal versions (messaging's StreamVersions, Watermarks, DeferredMessages): the order of facts across topics.

-- Producer: how many changes each stream has had (raised in the transaction of each change).
CREATE TABLE stream_version (
    stream  VARCHAR(200) NOT NULL PRIMARY KEY,
    version BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Consumer: the version of each stream this service's read model has applied.
CREATE TABLE stream_watermark (
    stream     VARCHAR(200) NOT NULL PRIMARY KEY,
    version    BIGINT       NOT NULL,
    updated_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Consumer: messages taken from Kafka that wait for a fact their producer had, or queue behind one of their key.
CREATE TABLE deferred_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    consumer        VARCHAR(100)  NOT NULL,
    message_key     VARCHAR(200)  NOT NULL,
    message_id      CHAR(36)      NOT NULL,
    topic           VARCHAR(200)  NOT NULL,
    kafka_partition INT           NOT NULL,
    kafka_offset    BIGINT        NOT NULL,
    payload         MEDIUMTEXT    NOT NULL,
    waiting_for     VARCHAR(200)  NULL,
    waiting_version BIGINT        NULL,
    deferred_at     DATETIME(6)   NOT NULL,
    checks          INT           NOT NULL DEFAULT 0,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000) NULL,
    warned          BOOLEAN       NOT NULL DEFAULT FALSE,
    UNIQUE KEY uk_deferred_message (consumer, message_id),
    KEY ix_deferred_key (consumer, message_key, id),
    KEY ix_deferred_topic (topic)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
