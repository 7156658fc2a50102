package dev.voxloop.loop.run;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import dev.voxloop.core.loop.LoopRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hard limits the orchestrator enforces itself (agents' own turn limits are not reliable): iterations, wall-clock
 * time since the run started, and cost where the agent reports usage. {@code maxCostUsd <= 0} means no cost cap.
 */
public record Budgets(
        @Key(path = "max_iterations", fallback = "25", env = "VOXLOOP_MAX_ITERATIONS",
                doc = "Agent turns per run before review (turns fixing review findings have as many again)")
        int maxIterations,
        @Key(path = "max_duration", fallback = "90m", doc = "Wall-clock time per run")
        Duration maxDuration,
        @Key(path = "max_cost_usd", fallback = "10", doc = "Cost per run in USD where the agent reports usage (0: no cap)")
        double maxCostUsd) {

    public static final Budgets DEFAULTS = Settings.bind(Budgets.class, ConfigTree.empty());

    /**
     * Why the run may not take another turn, or empty. Turns that fix a review's findings do not spend the
     * implementation's iterations (review rounds bound them: {@code review.max_rounds}); they have a budget of their
     * own of the same size, so that one round's fixing cannot go on for ever either.
     */
    public Optional<String> exceeded(LoopRun run, Instant now) {
        int from = run.forge().fixTurnsFrom();
        if (!run.forge().fixingReview() && run.iteration() >= maxIterations) {
            return Optional.of("iteration budget used up (" + run.iteration() + " of " + maxIterations + ")");
        }
        if (run.forge().fixingReview() && run.iteration() - from >= maxIterations) {
            return Optional.of("review fix budget used up (" + (run.iteration() - from) + " turns on review findings,"
                    + " of " + maxIterations + ")");
        }
        Duration spent = Duration.between(run.timing().startedAt(), now);
        if (spent.compareTo(maxDuration) >= 0) {
            return Optional.of("time budget used up (" + spent.toMinutes() + " of " + maxDuration.toMinutes()
                    + " minutes)");
        }
        if (maxCostUsd > 0 && run.usage().costUsd() >= maxCostUsd) {
            return Optional.of(String.format(java.util.Locale.ROOT, "cost budget used up ($%.2f of $%.2f)",
                    run.usage().costUsd(), maxCostUsd));
        }
        return Optional.empty();
    }

    /** Time left for the next turn. */
    public Duration remaining(LoopRun run, Instant now) {
        Duration left = maxDuration.minus(Duration.between(run.timing().startedAt(), now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The tighter of two budgets (a repository may lower, never raise, what the server allows). */
    public Budgets tighten(Budgets other) {
        return new Budgets(Math.min(maxIterations, other.maxIterations),
                maxDuration.compareTo(other.maxDuration) <= 0 ? maxDuration : other.maxDuration,
                maxCostUsd <= 0 ? other.maxCostUsd : other.maxCostUsd <= 0 ? maxCostUsd
                        : Math.min(maxCostUsd, other.maxCostUsd));
    }
}
