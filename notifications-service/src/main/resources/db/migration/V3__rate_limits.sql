-- Hits per (limit, client address, fixed window): the count behind 429 answers, shared by all replicas.
CREATE TABLE rate_limit_hit (
    limit_name   VARCHAR(50)  NOT NULL,
    client       VARCHAR(64)  NOT NULL,
    window_start BIGINT       NOT NULL,
    hits         BIGINT       NOT NULL,
    PRIMARY KEY (limit_name, client, window_start),
    KEY ix_rate_limit_hit_window (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
