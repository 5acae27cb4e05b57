CREATE TABLE venue (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    address    VARCHAR(500) NOT NULL,
    city       VARCHAR(200) NOT NULL,
    country    VARCHAR(100) NOT NULL,
    capacity   INT          NULL,
    notes      TEXT         NULL,
    created_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Times are UTC instants beside the event's IANA zone; clients give and get local wall-clock
-- times ("19:00 in Paris"), converted with the zone's rules for that date.
CREATE TABLE event (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    group_id            CHAR(36)     NOT NULL,
    number              INT          NULL,
    title               VARCHAR(200) NOT NULL,
    description         MEDIUMTEXT   NULL,
    status              VARCHAR(16)  NOT NULL,
    time_zone           VARCHAR(64)  NOT NULL,
    starts_at_utc       DATETIME(6)  NULL,
    ends_at_utc         DATETIME(6)  NULL,
    venue_id            CHAR(36)     NULL,
    capacity            INT          NULL,
    rsvp_opens_at       DATETIME(6)  NULL,
    rsvp_closes_at      DATETIME(6)  NULL,
    cancellation_reason TEXT         NULL,
    sequence            INT          NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    KEY ix_event_group_start (group_id, starts_at_utc),
    KEY ix_event_status_end (status, ends_at_utc),
    KEY ix_event_start (starts_at_utc),
    CONSTRAINT fk_event_group FOREIGN KEY (group_id) REFERENCES event_group (id),
    CONSTRAINT fk_event_venue FOREIGN KEY (venue_id) REFERENCES venue (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE agenda_slot (
    id        CHAR(36)     NOT NULL PRIMARY KEY,
    event_id  CHAR(36)     NOT NULL,
    position  INT          NOT NULL,
    starts_at_utc DATETIME(6) NOT NULL,
    ends_at_utc   DATETIME(6) NOT NULL,
    track     VARCHAR(100) NULL,
    room      VARCHAR(100) NULL,
    kind      VARCHAR(16)  NOT NULL,
    title     VARCHAR(300) NOT NULL,
    talk_id   CHAR(36)     NULL,
    UNIQUE KEY uk_agenda_slot_position (event_id, position),
    CONSTRAINT fk_agenda_slot_event FOREIGN KEY (event_id) REFERENCES event (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Accepted talks as talks-service announces them (read model fed by podium.talks.submission.v1).
CREATE TABLE accepted_talk (
    talk_id          CHAR(36)     NOT NULL PRIMARY KEY,
    event_id         CHAR(36)     NULL,
    title            VARCHAR(300) NOT NULL,
    abstract_text    MEDIUMTEXT   NOT NULL,
    format           VARCHAR(16)  NOT NULL,
    duration_minutes INT          NOT NULL,
    speakers         TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
