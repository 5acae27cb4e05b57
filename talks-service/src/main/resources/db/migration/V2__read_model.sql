-- What talks-service knows about events-service's groups and events (event-carried state transfer).
-- Written only by the Kafka consumers of podium.events.group.v1 and podium.events.event.v1.
-- Foreign ids are opaque strings from events-service, hence VARCHAR rather than CHAR(36).
CREATE TABLE known_group (
    id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    slug       VARCHAR(100)  NOT NULL,
    name       VARCHAR(1000) NOT NULL,
    time_zone  VARCHAR(64)   NULL,
    language   VARCHAR(35)   NULL,
    updated_at DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_known_group_slug (slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The organisers of a group: what the ownership check of organiser-only endpoints will use (issue 6).
CREATE TABLE group_organiser (
    group_id VARCHAR(64)  NOT NULL,
    email    VARCHAR(320) NOT NULL,
    name     VARCHAR(300) NOT NULL,
    sub      VARCHAR(200) NULL,
    added_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (group_id, email),
    KEY ix_group_organiser_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- starts_at/ends_at: wall-clock times in time_zone; *_utc: the same instants in UTC.
CREATE TABLE known_event (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    group_id      VARCHAR(64)   NOT NULL,
    group_slug    VARCHAR(100)  NOT NULL,
    title         VARCHAR(1000) NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    starts_at     DATETIME(6)   NULL,
    ends_at       DATETIME(6)   NULL,
    time_zone     VARCHAR(64)   NOT NULL,
    starts_at_utc DATETIME(6)   NULL,
    ends_at_utc   DATETIME(6)   NULL,
    updated_at    DATETIME(6)   NOT NULL,
    KEY ix_known_event_group_slug (group_slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
