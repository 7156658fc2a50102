package dev.voxloop.core.loop;

/**
 * Why a run stopped early, each kind with the terminal state it ends in. BLOCKED means a person must act before
 * another attempt can help (the worker does not retry it); FAILED may succeed when tried again (the worker retries
 * it up to {@code loop.max_attempts}); ABORTED is a person's decision.
 */
public enum FailureKind {
    /** The agent said it cannot go on without a person. */
    AGENT_BLOCKED(LoopState.BLOCKED, "the agent asked for a person"),
    /** A person aborted the run. */
    ABORTED(LoopState.ABORTED, "aborted by a person"),
    /** Iterations, time or cost used up. */
    BUDGET_EXCEEDED(LoopState.BLOCKED, "budget used up"),
    /** The agent repeats itself without progress. */
    STUCK(LoopState.BLOCKED, "stuck"),
    /** The agent cannot be started or cannot reach its model (not installed, not logged in, no API key). */
    AGENT_UNAVAILABLE(LoopState.BLOCKED, "agent unavailable"),
    /**
     * The agent's tool calls were not provably seen by voxloop's hooks (hooks dropped, switched off or failing):
     * nothing the turn did is kept.
     */
    UNGUARDED(LoopState.BLOCKED, "agent ran without working hooks"),
    /** The project's configuration cannot work (no repository, unknown agent, unreadable repository file). */
    MISCONFIGURED(LoopState.BLOCKED, "configuration problem"),
    /** CI still fails after the healing rounds, or failed the same way twice, or never finished. */
    CHECKS_FAILED(LoopState.BLOCKED, "CI failing"),
    /** The forge will not merge the pull request (conflicts that an agent turn did not resolve, branch rules). */
    NOT_MERGEABLE(LoopState.BLOCKED, "not mergeable"),
    /** git, the file system or the tracker failed; another attempt may succeed. */
    INFRASTRUCTURE(LoopState.FAILED, "infrastructure failure"),
    /** An error voxloop did not anticipate: a defect to report. */
    INTERNAL(LoopState.FAILED, "internal error");

    private final LoopState endsAs;
    private final String label;

    FailureKind(LoopState endsAs, String label) {
        this.endsAs = endsAs;
        this.label = label;
    }

    /** The terminal state a run with this failure ends in. */
    public LoopState endsAs() {
        return endsAs;
    }

    /** A few words for people ("agent unavailable"). */
    public String label() {
        return label;
    }
}
