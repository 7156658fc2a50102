-- Why a run stopped early, as a kind a person and a program can act on (FailureKind's name:
-- AGENT_BLOCKED, ABORTED, BUDGET_EXCEEDED, STUCK, AGENT_UNAVAILABLE, MISCONFIGURED, INFRASTRUCTURE, INTERNAL);
-- null while the run is in the loop or when it ended as planned. Runs that ended before this column existed keep
-- null and their reason text.
ALTER TABLE loop_runs ADD COLUMN failure_kind VARCHAR(32);
