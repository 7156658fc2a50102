-- Webhook deliveries already taken (GitHub's X-GitHub-Delivery), so a redelivery or a replay is acted on once.
CREATE TABLE webhook_deliveries (
    source      VARCHAR(32)              NOT NULL,
    delivery_id VARCHAR(128)             NOT NULL,
    event       VARCHAR(64)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, delivery_id)
);
