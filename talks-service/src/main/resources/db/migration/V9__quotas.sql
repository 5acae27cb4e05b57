-- What the daily quotas counted (web-security's DailyQuotas): per quota, subject (an inviting speaker's sub) and UTC day (epoch day).
CREATE TABLE quota_usage (
    quota   VARCHAR(50)  NOT NULL,
    subject VARCHAR(255) NOT NULL,
    day     BIGINT       NOT NULL,
    used    BIGINT       NOT NULL,
    PRIMARY KEY (quota, subject, day),
    KEY ix_quota_usage_day (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
