package dev.voxloop.loop.worker;

import dev.voxloop.core.loop.WorkerBeat;
import dev.voxloop.core.loop.WorkerRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker tells the {@link WorkerRegistry} about itself: who and where it is, which projects it takes and the
 * ticket it works on, every poll; and that it left. Without a registry it tells nobody. A report that fails is
 * only logged: the registry is for people watching, and a missed beat is made good by the next one.
 */
final class WorkerPresence {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPresence.class);

    private final String id;
    private final WorkerRegistry registry;
    private final List<String> projects;
    private final Instant startedAt;
    private final Clock clock;

    /** @param projects the projects the worker takes; null: any */
    WorkerPresence(String id, WorkerRegistry registry, Set<String> projects, Clock clock) {
        this.id = id;
        this.registry = registry;
        this.projects = projects == null ? List.of("*") : List.copyOf(new TreeSet<>(projects));
        this.startedAt = clock.instant();
        this.clock = clock;
    }

    /** Reports the worker alive, working on {@code ticket} (null: idle). */
    void beat(String ticket) {
        if (registry == null) {
            return;
        }
        try {
            registry.beat(new WorkerBeat(id, host(), ProcessHandle.current().pid(), projects, ticket, startedAt,
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.debug("worker {} could not report itself: {}", id, e.toString());
        }
    }

    /** Signs the worker off. */
    void leave() {
        if (registry == null) {
            return;
        }
        try {
            registry.leave(id);
        } catch (RuntimeException e) {
            LOG.debug("worker {} could not sign off: {}", id, e.toString());
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
