package dev.voxloop.core.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: durable intake sessions. */
public interface IntakeRepository {

    /** Insert a new session (version 0 becomes 1). Returns the stored session. */
    IntakeSession insert(IntakeSession session);

    /**
     * Replace the stored session if its version still equals {@code session.version()}; returns the stored
     * session with the version incremented. Throws {@link dev.voxloop.core.problem.Problem} (CONFLICT) when
     * another writer got there first.
     */
    IntakeSession update(IntakeSession session);

    Optional<IntakeSession> find(String id);

    /** Sessions waiting for the person whose time ran out. */
    List<IntakeSession> expiredBefore(Instant now, int limit);

    /** Sessions left mid-step by a crash (RECEIVED, TRANSCRIBING, EXTRACTING, CREATING). */
    List<IntakeSession> interrupted(int limit);

    /** Newest first. */
    List<IntakeSession> recent(int limit);
}
