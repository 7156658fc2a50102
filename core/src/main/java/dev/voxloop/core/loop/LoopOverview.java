package dev.voxloop.core.loop;

import java.util.List;

/**
 * The loop at a glance, for the console: the workers that are running, the projects they can work on, and the
 * queued tickets nothing can take, each group with the reason and the fix.
 */
public record LoopOverview(List<WorkerBeat> workers, List<ProjectLine> projects, List<Waiting> waiting) {

    public LoopOverview {
        workers = List.copyOf(workers);
        projects = List.copyOf(projects);
        waiting = List.copyOf(waiting);
    }

    /** A project the loop knows: its repository (null: none yet) and its agent. */
    public record ProjectLine(String key, String repository, String agent) {
    }

    /** Queued tickets that no running worker takes: why, and what a person does about it. */
    public record Waiting(List<String> tickets, String reason, String fix) {
        public Waiting {
            tickets = List.copyOf(tickets);
        }
    }
}
