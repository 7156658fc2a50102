package dev.voxloop.core.loop;

import java.time.Instant;
import java.util.List;

/** Port: the loop workers of every process on this database, as they report themselves. */
public interface WorkerRegistry {

    /** Record (or refresh) a worker's report. */
    void beat(WorkerBeat beat);

    /** Workers seen at or after {@code since}, newest first. */
    List<WorkerBeat> seenSince(Instant since);

    /** A worker that stops cleanly removes itself. */
    void leave(String id);
}
