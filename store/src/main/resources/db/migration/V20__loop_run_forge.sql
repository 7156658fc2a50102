-- A loop run's progress past PUSHED: its pull request, the head commit CI judges, healing rounds and the merge.
ALTER TABLE loop_runs ADD COLUMN forge_repository VARCHAR(255);
ALTER TABLE loop_runs ADD COLUMN pull_request INT NOT NULL DEFAULT 0;
ALTER TABLE loop_runs ADD COLUMN pull_request_url VARCHAR(1024);
ALTER TABLE loop_runs ADD COLUMN forge_head VARCHAR(64);
ALTER TABLE loop_runs ADD COLUMN heal_rounds INT NOT NULL DEFAULT 0;
ALTER TABLE loop_runs ADD COLUMN check_reruns INT NOT NULL DEFAULT 0;
ALTER TABLE loop_runs ADD COLUMN last_failure VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE loop_runs ADD COLUMN branch_updates INT NOT NULL DEFAULT 0;
ALTER TABLE loop_runs ADD COLUMN merge_commit VARCHAR(64);
