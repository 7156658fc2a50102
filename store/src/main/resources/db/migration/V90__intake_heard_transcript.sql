-- What the speech engine heard for a spoken request: its words, its confidence, the engine, and whether the person
-- confirmed or corrected the words (JSON text of HeardTranscript, record component names as keys). Null for typed
-- requests and for sessions stored before this column existed. Kept so a draft made from unchecked words stays
-- capped at the engine's confidence after a restart and in every clarification round.
ALTER TABLE intake_sessions ADD COLUMN heard VARCHAR;
