-- Webhook deliveries already received (replays are refused) and client idempotency keys (a retried request gets
-- the resource its first attempt created). Both are pruned by age.
CREATE TABLE webhook_deliveries (
    source      VARCHAR(32)              NOT NULL,
    delivery_id VARCHAR(128)             NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_deliveries_pk PRIMARY KEY (source, delivery_id)
);

CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at);

CREATE TABLE idempotency_keys (
    scope       VARCHAR(64)              NOT NULL,
    idem_key    VARCHAR(255)             NOT NULL,
    fingerprint VARCHAR(128)             NOT NULL,
    resource_id VARCHAR(64)              NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (scope, idem_key)
);

CREATE INDEX idempotency_keys_claimed ON idempotency_keys (claimed_at);
