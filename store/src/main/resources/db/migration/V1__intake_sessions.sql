-- Intake sessions: one spoken or typed request on its way to a ticket, persisted at every step.
-- Lists and structured values are JSON text (record component names as keys).
CREATE TABLE intake_sessions (
    id           VARCHAR(64)              NOT NULL PRIMARY KEY,
    state        VARCHAR(16)              NOT NULL,
    spoken       BOOLEAN                  NOT NULL,
    request_text VARCHAR,
    questions    VARCHAR                  NOT NULL,
    answers      VARCHAR                  NOT NULL,
    extraction   VARCHAR,
    pending      VARCHAR,
    gaps         VARCHAR                  NOT NULL,
    ticket_key   VARCHAR(64),
    ticket_url   VARCHAR(2048),
    failure      VARCHAR,
    created_at   TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE,
    expires_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT                   NOT NULL
);

CREATE INDEX intake_sessions_state_expires ON intake_sessions (state, expires_at);
CREATE INDEX intake_sessions_created ON intake_sessions (created_at);
