package dev.voxloop.loop.worker;

import dev.voxloop.core.loop.WorkerBeat;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueInput;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.core.ticket.TicketTracker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queued tickets that no running worker can take because their project has no repository: each is noted on its
 * queue entry (the board shows it) and told on the ticket once, with the fix. They stay queued, attempts untouched,
 * and are taken as soon as a worker with that project runs.
 *
 * <p>The log says it once per project: when its tickets start to wait, and when none waits any more. A line per
 * ticket (the queue may hold thousands) would bury everything else; the board and the console banner
 * ({@code /api/loop/status}) name every ticket that waits.
 */
final class UnclaimedTickets {

    private static final Logger LOG = LoggerFactory.getLogger(UnclaimedTickets.class);
    private static final int SCAN = 200;

    private final LoopQueue queue;
    private final TicketTracker tracker;
    private final WorkerRegistry registry;
    private final Set<String> projects;
    private final Duration alive;
    private final Clock clock;
    /** The projects whose waiting tickets the log has told of, until none of theirs waits. */
    private final Set<String> logged = new HashSet<>();

    UnclaimedTickets(LoopQueue queue, TicketTracker tracker, WorkerRegistry registry, Set<String> projects,
                     Duration alive, Clock clock) {
        this.queue = queue;
        this.tracker = tracker;
        this.registry = registry;
        this.projects = projects;
        this.alive = alive;
        this.clock = clock;
    }

    /** Why a ticket of {@code project} is not taken, with the fix. */
    static String reason(String project) {
        return "project " + project + " has no repository configured (loop.projects." + project + ".repo); run"
                + " ./voxloop init --project " + project + " --repo PATH, then restart voxloop serve or the worker";
    }

    /** Notes and reports the PENDING entries nobody can take; returns them. */
    synchronized List<QueueEntry> report() {
        Set<String> workable = new HashSet<>(projects);
        if (registry != null) {
            registry.seenSince(clock.instant().minus(alive)).stream().map(WorkerBeat::projects)
                    .forEach(workable::addAll);
        }
        List<QueueEntry> stuck = new ArrayList<>();
        Map<String, Integer> waiting = new TreeMap<>();
        for (QueueEntry e : queue.list(QueueStatus.PENDING, SCAN)) {
            String project = QueueInput.project(e.key());
            if (workable.contains(project)) {
                continue;
            }
            stuck.add(e);
            waiting.merge(project, 1, Integer::sum);
            String why = reason(project);
            if (queue.note(e.key(), why)) {
                tell(e.key(), why);
            }
        }
        logChanges(waiting);
        return stuck;
    }

    /** Logs the projects whose tickets began to wait since the last check, and those whose tickets no longer do. */
    private void logChanges(Map<String, Integer> waiting) {
        waiting.forEach((project, count) -> {
            if (logged.add(project)) {
                LOG.warn("{} queued ticket(s) of project {} wait and no worker can take them: {} (said once; the"
                        + " console banner lists them)", count, project, reason(project));
            }
        });
        logged.removeIf(project -> {
            if (waiting.containsKey(project)) {
                return false;
            }
            LOG.info("no queued ticket of project {} waits for a worker any more", project);
            return true;
        });
    }

    /** Tells the ticket itself (once: the caller's note changed) why it is not taken and how to fix it. */
    private void tell(String key, String why) {
        try {
            tracker.comment(key, "voxloop cannot start work on " + key + " yet: " + why + ". The ticket stays"
                    + " queued; no attempt is used.");
        } catch (RuntimeException e) {
            LOG.warn("cannot comment on {}: {}", key, e.getMessage());
        }
    }
}
