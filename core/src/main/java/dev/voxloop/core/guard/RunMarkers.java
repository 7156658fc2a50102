package dev.voxloop.core.guard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Port: where the orchestrator leaves word that a run is in progress in a repository, and where the agent's
 * hooks look for it. Hooks enforce the loop's gates only where they find a marker, so a person's own session on
 * some branch is never trapped. Implemented in the {@code guard} module (the hooks own the file format).
 */
public interface RunMarkers {

    /** Marks the repository whose git directory is {@code gitDir} as running {@code marker}'s run. */
    void write(Path gitDir, RunMarker marker) throws IOException;

    /** Removes the mark (no error when there is none). */
    void clear(Path gitDir) throws IOException;

    /** The marker of the repository containing {@code dir}, if a run is in progress there. */
    Optional<RunMarker> find(Path dir);
}
