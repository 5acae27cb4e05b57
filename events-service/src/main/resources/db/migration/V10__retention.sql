-- Jobs run once across the replicas (messaging's ClusterJobs): the replica that moves next_run_at
-- forward with a conditional UPDATE runs it.
CREATE TABLE cluster_job (
    name             VARCHAR(100) NOT NULL PRIMARY KEY,
    next_run_at      DATETIME(6)  NOT NULL,
    last_started_at  DATETIME(6)  NULL,
    last_finished_at DATETIME(6)  NULL,
    last_count       BIGINT       NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Retention deletes processed messages by age.
CREATE INDEX ix_processed_message_at ON processed_message (processed_at);
