-- The agent turns a run had taken when a review first requested changes (0: none has): turns after it fix review
-- findings and are bounded by review rounds, not by the implementation's iteration budget.
ALTER TABLE loop_runs ADD COLUMN review_fix_from INT NOT NULL DEFAULT 0;
