package dev.voxloop.core.loop;

import java.time.Instant;
import java.util.List;

/**
 * A loop worker as it last reported itself: who it is, what it can take and what it is doing. Workers report every
 * poll, so one not seen for a while has stopped.
 *
 * @param projects the project keys it takes tickets of (those with a repository)
 * @param ticket   the ticket it is working on, or null when idle
 */
public record WorkerBeat(String id, String host, long pid, List<String> projects, String ticket, Instant startedAt,
                         Instant seenAt) {

    public WorkerBeat {
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    public WorkerBeat working(String key, Instant now) {
        return new WorkerBeat(id, host, pid, projects, key, startedAt, now);
    }
}
