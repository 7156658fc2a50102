-- Loop workers of every process on this database, as each last reported itself (refreshed at every poll), so the
-- console can show who is working and warn when nothing can take the queued tickets.
CREATE TABLE loop_workers (
    worker_id  VARCHAR(255)             NOT NULL PRIMARY KEY,
    host       VARCHAR(255)             NOT NULL,
    pid        BIGINT                   NOT NULL,
    projects   VARCHAR(2048)            NOT NULL,
    ticket_key VARCHAR(64),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX loop_workers_seen ON loop_workers (seen_at);
