-- The recipient read model, kept from events-service's and talks-service's topics.
CREATE TABLE audience_group (
    group_id   CHAR(36)     NOT NULL PRIMARY KEY,
    slug       VARCHAR(100) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    language   VARCHAR(10)  NOT NULL,
    time_zone  VARCHAR(64)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE group_organiser (
    group_id CHAR(36)     NOT NULL,
    email    VARCHAR(320) NOT NULL,
    name     VARCHAR(200) NULL,
    PRIMARY KEY (group_id, email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE group_member (
    group_id   CHAR(36)     NOT NULL,
    email      VARCHAR(320) NOT NULL,
    member_id  CHAR(36)     NOT NULL,
    name       VARCHAR(200) NULL,
    confirmed  BOOLEAN      NOT NULL,
    joined_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (group_id, email),
    KEY ix_group_member_confirmed (group_id, confirmed)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE event_attendee (
    registration_id CHAR(36)     NOT NULL PRIMARY KEY,
    event_id        CHAR(36)     NOT NULL,
    email           VARCHAR(320) NOT NULL,
    name            VARCHAR(200) NULL,
    status          VARCHAR(20)  NOT NULL,
    manage_url      VARCHAR(1000) NULL,
    updated_at      DATETIME(6)  NOT NULL,
    KEY ix_event_attendee_status (event_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The latest snapshot of each event; announced once its announcement notification exists.
CREATE TABLE known_event (
    event_id   CHAR(36)    NOT NULL PRIMARY KEY,
    group_id   CHAR(36)    NOT NULL,
    status     VARCHAR(20) NOT NULL,
    announced  BOOLEAN     NOT NULL DEFAULT FALSE,
    snapshot   MEDIUMTEXT  NOT NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per trigger (trigger_key is unique: a redelivered message or a second replica finds it there).
CREATE TABLE notification (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    trigger_key   VARCHAR(200) NOT NULL,
    kind          VARCHAR(40)  NOT NULL,
    event_id      CHAR(36)     NULL,
    group_id      CHAR(36)     NULL,
    language      VARCHAR(10)  NOT NULL,
    subject       VARCHAR(400) NOT NULL,
    model         MEDIUMTEXT   NOT NULL,
    bulk          BOOLEAN      NOT NULL,
    calendar      MEDIUMTEXT   NULL,
    created_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_notification_trigger (trigger_key),
    KEY ix_notification_event (event_id, kind),
    KEY ix_notification_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per (notification, recipient): the send is driven from here, never from a Kafka listener.
CREATE TABLE delivery (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    notification_id CHAR(36)      NOT NULL,
    email           VARCHAR(320)  NOT NULL,
    name            VARCHAR(200)  NULL,
    manage_url      VARCHAR(1000) NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    lease_until     DATETIME(6)   NULL,
    sent_at         DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    updated_at      DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_delivery_recipient (notification_id, email),
    KEY ix_delivery_due (status, next_attempt_at),
    KEY ix_delivery_lease (status, lease_until),
    CONSTRAINT fk_delivery_notification FOREIGN KEY (notification_id) REFERENCES notification (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 24 h (configurable) before each published event: moved by a reschedule, deleted by a cancellation.
CREATE TABLE reminder (
    event_id      CHAR(36)    NOT NULL PRIMARY KEY,
    starts_at_utc DATETIME(6) NOT NULL,
    due_at        DATETIME(6) NOT NULL,
    KEY ix_reminder_due (due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Changes to one event within the digest window, sent as one update email when the window closes.
CREATE TABLE pending_update (
    event_id   CHAR(36)    NOT NULL PRIMARY KEY,
    trigger_id CHAR(36)    NOT NULL,
    previous   MEDIUMTEXT  NOT NULL,
    send_after DATETIME(6) NOT NULL,
    KEY ix_pending_update_due (send_after)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Opt-outs: scope is a group id, or '*' for every group.
CREATE TABLE unsubscription (
    email           VARCHAR(320) NOT NULL,
    scope           VARCHAR(36)  NOT NULL,
    id              CHAR(36)     NOT NULL,
    unsubscribed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (email, scope)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Addresses no send may reach again: permanent SMTP failures and reported hard bounces.
CREATE TABLE suppression (
    email      VARCHAR(320)  NOT NULL PRIMARY KEY,
    reason     VARCHAR(1000) NOT NULL,
    created_at DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
