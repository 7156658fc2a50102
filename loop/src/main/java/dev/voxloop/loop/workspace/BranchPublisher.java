package dev.voxloop.loop.workspace;

/**
 * The one place the loop commits leftovers and pushes a task branch: the final push, the work-in-progress push
 * when a run stops, and a person's checkpoint. It pushes {@code HEAD} to {@code refs/heads/<task branch>} on
 * {@code origin}, never forced, so the task branch is the only ref the loop ever moves. A remote that needs
 * credentials (GitHub) gets them through the workspace's {@link dev.voxloop.core.forge.GitRemoteAccess}, for the
 * push alone.
 */
public final class BranchPublisher {

    /** What a push did: the commit now on the branch when it succeeded, or git's last words when it did not. */
    public record Pushed(boolean ok, String head, String output) {
    }

    /** Stages and commits everything uncommitted; false when there was nothing to commit. */
    public boolean commit(Workspace ws, String message) {
        return ws.git().commitAll(message);
    }

    /** Pushes the task branch as it is. */
    public Pushed push(Workspace ws) {
        Git git = ws.git();
        CommandResult r = ws.remoteGit().tryRun("push", "-q", "-u", "origin", "HEAD:refs/heads/" + ws.branch());
        return r.ok() ? new Pushed(true, git.head(), r.tail(500)) : new Pushed(false, null, r.tail(500));
    }

    /** {@link #commit} then {@link #push}. */
    public Pushed commitAndPush(Workspace ws, String message) {
        commit(ws, message);
        return push(ws);
    }
}
