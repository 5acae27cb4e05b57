-- seq orders RSVPs as they arrived (they are serialised per event by a lock on the event row):
-- the waitlist is promoted in seq order. One active registration per address and event.
CREATE TABLE registration (
    seq          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id           CHAR(36)     NOT NULL,
    event_id     CHAR(36)     NOT NULL,
    name         VARCHAR(200) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    promoted_at  DATETIME(6)  NULL,
    cancelled_at DATETIME(6)  NULL,
    active_email VARCHAR(254) AS (CASE WHEN status <> 'CANCELLED' THEN email END) STORED,
    UNIQUE KEY uk_registration_id (id),
    UNIQUE KEY uk_registration_active (event_id, active_email),
    KEY ix_registration_event_status (event_id, status, seq),
    CONSTRAINT fk_registration_event FOREIGN KEY (event_id) REFERENCES event (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
