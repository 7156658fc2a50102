-- The durable work queue between intake and the loop: one row per ticket key.
-- status: PENDING -> RUNNING -> DONE | PENDING (retry, lapsed lease) | FAILED (dead letter).
CREATE TABLE loop_queue (
    ticket_key  VARCHAR(64)              NOT NULL PRIMARY KEY,
    summary     VARCHAR                  NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    attempts    INTEGER                  NOT NULL,
    last_error  VARCHAR,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    lease_owner VARCHAR(255),
    lease_until TIMESTAMP WITH TIME ZONE,
    success     BOOLEAN
);

CREATE INDEX loop_queue_status_queued ON loop_queue (status, queued_at);
CREATE INDEX loop_queue_status_lease ON loop_queue (status, lease_until);
