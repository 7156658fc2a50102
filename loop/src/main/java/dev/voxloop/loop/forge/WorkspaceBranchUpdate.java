package dev.voxloop.loop.forge;

import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.loop.run.RunContext;
import dev.voxloop.loop.workspace.BranchPublisher;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.Workspace;

/**
 * Brings the task branch up to date in the run's workspace: the base's tip is fetched and merged. A clean merge
 * is pushed; a conflicting one stays in the working tree with its markers for the agent's next turn (which the
 * loop commits, concluding the merge). Either way the gates measure against the new base from now on.
 */
final class WorkspaceBranchUpdate implements BranchUpdate {

    private final RunContext ctx;
    private final BranchPublisher publisher;

    WorkspaceBranchUpdate(RunContext ctx, BranchPublisher publisher) {
        this.ctx = ctx;
        this.publisher = publisher;
    }

    @Override
    public Result update(LoopRun run) {
        Workspace ws = ctx.open(run).workspace();
        Git git = ws.git();
        ws.remoteGit().run("fetch", "-q", "origin", ws.baseBranch());
        String base = git.run("rev-parse", "FETCH_HEAD").strip();
        CommandResult merged = git.tryRun("merge", "--no-edit", "-m", run.ticketKey() + ": merge " + ws.baseBranch()
                + " into " + ws.branch(), "FETCH_HEAD");
        ctx.rebasedOn(base);
        if (merged.ok()) {
            BranchPublisher.Pushed p = publisher.push(ws);
            if (!p.ok()) {
                throw new LoopFailure.Infrastructure("pushing the updated branch failed: " + p.output(), null);
            }
            return new Result.Pushed(p.head(), base);
        }
        String conflicted = git.run("diff", "--name-only", "--diff-filter=U").strip();
        return new Result.Conflict("The default branch " + ws.baseBranch() + " moved on and merging it into this"
                + " branch conflicts. The merge is in progress in the working tree: resolve the conflict markers in"
                + " these files, keeping the intent of both sides, then make the gates pass:\n" + conflicted, base);
    }
}
