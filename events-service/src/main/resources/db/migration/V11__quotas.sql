-- What the daily quotas counted (web-security's DailyQuotas): per quota, subject (a group) and UTC day (epoch day).
CREATE TABLE quota_usage (
    quota   VARCHAR(50)  NOT NULL,
    subject VARCHAR(255) NOT NULL,
    day     BIGINT       NOT NULL,
    used    BIGINT       NOT NULL,
    PRIMARY KEY (quota, subject, day),
    KEY ix_quota_usage_day (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A group's quotas as an admin set them (the admin's sub, not their address); a NULL column is the configured default.
CREATE TABLE group_quota (
    group_id                 CHAR(36)     NOT NULL PRIMARY KEY,
    imported_members_per_day INT          NULL,
    announcements_per_day    INT          NULL,
    set_by_sub               VARCHAR(255) NOT NULL,
    updated_at               DATETIME(6)  NOT NULL,
    CONSTRAINT fk_group_quota_group FOREIGN KEY (group_id) REFERENCES event_group (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
