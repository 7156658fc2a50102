package dev.voxloop.loop.worker;

import dev.voxloop.core.loop.LoopOverview;
import dev.voxloop.core.loop.WorkerBeat;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueInput;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.loop.LoopSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link LoopOverview}: live workers from the registry, the configured projects, and the queued
 * tickets that nothing takes, grouped by cause (no worker runs at all, or the ticket's project has no repository).
 */
public final class LoopOverviewReport {

    private static final int SCAN = 500;

    private final LoopSettings settings;
    private final LoopQueue queue;
    private final WorkerRegistry registry;
    private final Clock clock;

    public LoopOverviewReport(LoopSettings settings, LoopQueue queue, WorkerRegistry registry, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.registry = registry;
        this.clock = clock;
    }

    public LoopOverview now() {
        Duration alive = settings.poll().multipliedBy(3).plusSeconds(30);
        List<WorkerBeat> workers = registry.seenSince(clock.instant().minus(alive));
        Set<String> taken = new HashSet<>();
        workers.forEach(w -> taken.addAll(w.projects()));
        List<LoopOverview.ProjectLine> projects = new ArrayList<>();
        settings.projects().forEach((key, p) -> projects.add(new LoopOverview.ProjectLine(key,
                p.repo() == null || p.repo().isBlank() ? null : p.repo(), p.agent().name())));
        Map<String, List<String>> noRepository = new LinkedHashMap<>();
        List<String> noWorker = new ArrayList<>();
        for (QueueEntry e : queue.list(QueueStatus.PENDING, SCAN)) {
            String project = QueueInput.project(e.key());
            if (taken.contains(project) || taken.contains("*")) {
                continue;
            }
            boolean configured = settings.projects().containsKey(project)
                    && settings.projects().get(project).repo() != null;
            if (configured) {
                noWorker.add(e.key());
            } else {
                noRepository.computeIfAbsent(project, k -> new ArrayList<>()).add(e.key());
            }
        }
        List<LoopOverview.Waiting> waiting = new ArrayList<>();
        if (!noWorker.isEmpty()) {
            waiting.add(new LoopOverview.Waiting(noWorker, "no loop worker is running",
                    "run ./voxloop worker, or restart ./voxloop serve without --workers 0"));
        }
        noRepository.forEach((project, keys) -> waiting.add(new LoopOverview.Waiting(keys,
                "project " + project + " has no repository", "./voxloop init --project " + project
                + " --repo PATH, then restart ./voxloop serve")));
        return new LoopOverview(workers, projects, waiting);
    }
}
