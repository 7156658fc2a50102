package dev.voxloop.loop.run;

import dev.voxloop.core.loop.Ending;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.gate.GateResult;
import dev.voxloop.loop.workspace.BranchPublisher;
import dev.voxloop.loop.workspace.TaskFile;
import dev.voxloop.loop.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends a run after a {@link LoopFailure}: the work so far is committed and pushed to the task branch (when an
 * agent turn happened), the ticket is told what happened, what to do and what remains, and the run moves to the
 * terminal state the failure's kind maps to. Nothing here may throw: the run must end even when git or the tracker
 * is the thing that failed.
 */
public final class RunStopper {

    private final TicketTracker tracker;
    private final BranchPublisher publisher;
    private final TicketComments comments;
    private final RunEvents events;
    private final Clock clock;

    public RunStopper(TicketTracker tracker, BranchPublisher publisher, TicketComments comments, RunEvents events,
                      Clock clock) {
        this.tracker = tracker;
        this.publisher = publisher;
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    public LoopRun stop(LoopRun run, RunContext ctx, LoopFailure failure) {
        String progress = "";
        if (ctx.opened().isPresent()) {
            OpenRun open = ctx.opened().get();
            Workspace ws = open.workspace();
            try {
                publisher.commit(ws, run.ticketKey() + ": WIP progress after " + run.iteration() + " iteration(s)");
                if (run.iteration() > 0) {
                    BranchPublisher.Pushed p = publisher.push(ws);
                    if (p.ok()) {
                        progress = comments.progressPushed(ws.branch(), open.project().linkTo(ws.branch()));
                        run = run.pushed(p.head());
                    }
                }
            } catch (RuntimeException e) {
                // safe: the run ends anyway; the comment says the progress could not be saved and why
                progress = comments.progressLost(LoopFailure.of(e).reason());
            }
        }
        try {
            tracker.comment(run.ticketKey(), comments.stopped(failure, progress, remaining(ctx)));
        } catch (RuntimeException e) {
            // safe: the ending is persisted and published either way; the tracker being down must not keep the
            // run in the loop
            events.stage(run, "could not comment on the ticket: " + LoopFailure.of(e).reason());
        }
        return run.end(failure.kind().endsAs(), new Ending(failure.kind(), failure.reason()), clock.instant());
    }

    /** Unticked acceptance criteria and the gates that failed last, one line each. */
    private static List<String> remaining(RunContext ctx) {
        List<String> left = new ArrayList<>();
        ctx.opened().ifPresent(open -> {
            Path task = open.workspace().dir().resolve(TaskFile.NAME);
            try {
                String content = Files.exists(task) ? Files.readString(task) : "";
                for (String c : TaskFile.unchecked(content, ctx.ticket().acceptanceCriteria())) {
                    left.add("criterion not done: " + c);
                }
            } catch (IOException e) {
                // safe: the list is advice in a comment; without the task file it names the failing gates only
            }
        });
        ctx.lastVerdict().ifPresent(v -> {
            for (GateResult r : v.failures()) {
                left.add("gate failing: " + r.name());
            }
        });
        return left;
    }
}
