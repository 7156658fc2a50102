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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queued tickets that no running worker can take because their project has no repository: each is noted on its
 * queue entry (the board shows it) and told on the ticket once, with the fix. They stay queued, attempts untouched,
 * and are taken as soon as a worker with that project runs.
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
    List<QueueEntry> report() {
        Set<String> workable = new HashSet<>(projects);
        if (registry != null) {
            registry.seenSince(clock.instant().minus(alive)).stream().map(WorkerBeat::projects)
                    .forEach(workable::addAll);
        }
        List<QueueEntry> stuck = new ArrayList<>();
        for (QueueEntry e : queue.list(QueueStatus.PENDING, SCAN)) {
            String project = QueueInput.project(e.key());
            if (workable.contains(project)) {
                continue;
            }
            stuck.add(e);
            String why = reason(project);
            if (queue.note(e.key(), why)) {
                tell(e.key(), why);
            }
        }
        return stuck;
    }

    private void tell(String key, String why) {
        LOG.warn("{} is queued but no worker can take it: {}", key, why);
        try {
            tracker.comment(key, "voxloop cannot start work on " + key + " yet: " + why + ". The ticket stays"
                    + " queued; no attempt is used.");
        } catch (RuntimeException e) {
            LOG.warn("cannot comment on {}: {}", key, e.getMessage());
        }
    }
}
