CREATE TABLE event_group (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    slug        VARCHAR(80)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    description TEXT         NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    language    VARCHAR(16)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_event_group_slug (slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE organiser (
    id       CHAR(36)     NOT NULL PRIMARY KEY,
    group_id CHAR(36)     NOT NULL,
    sub      VARCHAR(255) NULL,
    name     VARCHAR(200) NOT NULL,
    email    VARCHAR(254) NOT NULL,
    added_at DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_organiser_group_email (group_id, email),
    CONSTRAINT fk_organiser_group FOREIGN KEY (group_id) REFERENCES event_group (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One current membership per address and group: left memberships drop out of the unique key.
CREATE TABLE member (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    group_id     CHAR(36)     NOT NULL,
    name         VARCHAR(200) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    source       VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    joined_at    DATETIME(6)  NOT NULL,
    confirmed_at DATETIME(6)  NULL,
    left_at      DATETIME(6)  NULL,
    current_email VARCHAR(254) AS (CASE WHEN status <> 'LEFT' THEN email END) STORED,
    UNIQUE KEY uk_member_current (group_id, current_email),
    KEY ix_member_email (email),
    CONSTRAINT fk_member_group FOREIGN KEY (group_id) REFERENCES event_group (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
