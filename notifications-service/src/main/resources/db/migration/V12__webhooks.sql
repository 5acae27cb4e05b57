-- Webhook endpoints organisers register per group (Standard Webhooks). The secret is kept as issued
-- (whsec_…): the signer needs it in clear, like an SMTP password. During a rotation's grace period the
-- previous secret signs too.
CREATE TABLE webhook_endpoint (
    id                    CHAR(36)      NOT NULL PRIMARY KEY,
    group_id              CHAR(36)      NOT NULL,
    url                   VARCHAR(2000) NOT NULL,
    types                 VARCHAR(1000) NOT NULL,
    description           VARCHAR(500)  NULL,
    secret                VARCHAR(100)  NOT NULL,
    previous_secret       VARCHAR(100)  NULL,
    previous_secret_until DATETIME(6)   NULL,
    enabled               BOOLEAN       NOT NULL,
    disabled_reason       VARCHAR(1000) NULL,
    -- Since when every attempt has failed (NULL after a success): past podium.webhooks.disable-after it is disabled.
    failing_since         DATETIME(6)   NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    KEY ix_webhook_endpoint_group (group_id, enabled)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per webhook message: its id is the webhook-id header, the body is signed and sent as stored.
CREATE TABLE webhook_message (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    group_id     CHAR(36)     NOT NULL,
    type         VARCHAR(60)  NOT NULL,
    ordering_key VARCHAR(100) NOT NULL,
    body         MEDIUMTEXT   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    KEY ix_webhook_message_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The webhook channel's queue (the email channel's is delivery): one row per (message, endpoint). A row is
-- claimed only once no earlier row of its endpoint and ordering key (one event, one talk, one group's
-- members) is still PENDING or SENDING, so each endpoint sees an aggregate's messages in order.
CREATE TABLE webhook_delivery (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id      VARCHAR(40)   NOT NULL,
    endpoint_id     CHAR(36)      NOT NULL,
    ordering_key    VARCHAR(100)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    lease_until     DATETIME(6)   NULL,
    sent_at         DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    response_code   INT           NULL,
    duration_ms     INT           NULL,
    updated_at      DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_webhook_delivery (message_id, endpoint_id),
    KEY ix_webhook_delivery_due (status, next_attempt_at),
    KEY ix_webhook_delivery_lease (status, lease_until),
    KEY ix_webhook_delivery_order (endpoint_id, ordering_key, status, id),
    CONSTRAINT fk_webhook_delivery_message FOREIGN KEY (message_id) REFERENCES webhook_message (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
