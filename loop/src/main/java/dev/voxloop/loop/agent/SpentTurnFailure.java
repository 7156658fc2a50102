package dev.voxloop.loop.agent;

import dev.voxloop.core.loop.LoopFailure;

/**
 * A turn that failed after its model had already been paid (an agent that ran unguarded, a model API that failed
 * mid-turn): the failure that ends the run, and what the turn used, so the run's cost counts it. The turn step
 * adds the usage and throws {@link #failure()}.
 */
public final class SpentTurnFailure extends RuntimeException {

    private final LoopFailure failure;
    private final TurnResult spent;

    private SpentTurnFailure(LoopFailure failure, TurnResult spent) {
        super(failure.getMessage(), failure);
        this.failure = failure;
        this.spent = spent;
    }

    /**
     * {@code failure} with the turn's usage attached, or {@code failure} itself when nothing was used.
     *
     * @param costUsd the cost the agent reported, negative when it reported tokens only
     */
    public static RuntimeException of(LoopFailure failure, long inputTokens, long outputTokens, double costUsd) {
        if (inputTokens <= 0 && outputTokens <= 0 && costUsd <= 0) {
            return failure;
        }
        return new SpentTurnFailure(failure, new TurnResult(failure.reason(), false, null, null, inputTokens,
                outputTokens, costUsd, ""));
    }

    public LoopFailure failure() {
        return failure;
    }

    /** The usage of the failed turn (message: the failure's reason). */
    public TurnResult spent() {
        return spent;
    }
}
