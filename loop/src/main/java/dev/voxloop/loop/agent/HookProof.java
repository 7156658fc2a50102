package dev.voxloop.loop.agent;

import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.loop.workspace.Git;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a turn's tool calls provably went through voxloop's hooks: every tool call that ran was seen by the
 * PreToolUse hook (counted by voxloop's own hook server, so a hook that was silently dropped, switched off by a
 * workspace setting, or pointed elsewhere shows up as missing), no hook errored, and a turn that ended normally
 * passed the Stop hook. Anything else fails closed: the turn is not trusted, its changes are discarded (the
 * workspace goes back to the snapshot the orchestrator committed before the turn) and the run stops.
 *
 * @param toolCallsRun tool calls the agent's stream shows as executed (or refused by a hook)
 * @param preToolUse   PreToolUse calls voxloop answered during the turn
 * @param stopExpected the turn ended normally, so the agent must have asked the Stop hook
 * @param stops        Stop calls voxloop answered during the turn
 * @param hookErrors   hook failures the agent reported (exit code, stderr)
 */
public record HookProof(int toolCallsRun, int preToolUse, boolean stopExpected, int stops, List<String> hookErrors) {

    public HookProof {
        hookErrors = List.copyOf(hookErrors);
    }

    /** Throws {@link LoopFailure.Unguarded} after discarding the turn's changes when the hooks did not do their job. */
    public void enforce(String agent, Path workspace) {
        Optional<String> gap = gap();
        if (gap.isPresent()) {
            Git git = new Git(workspace);
            git.run("reset", "-q", "--hard", "HEAD");
            git.run("clean", "-q", "-f", "-d");
            throw new LoopFailure.Unguarded(agent + " ran without working voxloop hooks: " + gap.get()
                    + "; the turn's changes were discarded");
        }
    }

    /** Why the turn is unguarded, or empty when the hooks did their job. */
    public Optional<String> gap() {
        if (!hookErrors.isEmpty()) {
            return Optional.of("hooks failed: " + String.join("; ", hookErrors.subList(0, Math.min(3,
                    hookErrors.size()))));
        }
        if (preToolUse < toolCallsRun) {
            return Optional.of(toolCallsRun + " tool call(s) ran but voxloop's PreToolUse hook saw only " + preToolUse
                    + " (hooks dropped or disabled)");
        }
        if (stopExpected && stops == 0) {
            return Optional.of("the turn ended without asking voxloop's Stop hook (hooks dropped or disabled)");
        }
        return Optional.empty();
    }
}
