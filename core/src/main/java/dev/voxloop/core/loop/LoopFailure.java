package dev.voxloop.core.loop;

import dev.voxloop.core.problem.Problem;
import java.io.UncheckedIOException;

/**
 * The ways a run can stop early, as a closed family of exceptions. Steps and agents throw them; the loop's
 * dispatcher catches {@code LoopFailure} in one place and ends the run in the {@link FailureKind#endsAs() state}
 * its kind maps to, with the message as the reason a person reads (on the ticket, in the API and the console).
 * Anything else that escapes a step is turned into one of these by {@link #of(RuntimeException)}.
 */
public abstract sealed class LoopFailure extends RuntimeException {

    private final FailureKind kind;

    private LoopFailure(FailureKind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }

    /** What happened, in words a person can act on. */
    public String reason() {
        return getMessage();
    }

    /** The agent said it cannot go on without a person. */
    public static final class Blocked extends LoopFailure {
        public Blocked(String reason) {
            super(FailureKind.AGENT_BLOCKED, reason, null);
        }
    }

    /** A person aborted the run. */
    public static final class Aborted extends LoopFailure {
        public Aborted(String reason) {
            super(FailureKind.ABORTED, reason, null);
        }
    }

    /** Iterations, time or cost used up. */
    public static final class BudgetExceeded extends LoopFailure {
        public BudgetExceeded(String reason) {
            super(FailureKind.BUDGET_EXCEEDED, reason, null);
        }
    }

    /** The agent repeats itself without progress. */
    public static final class Stuck extends LoopFailure {
        public Stuck(String reason) {
            super(FailureKind.STUCK, reason, null);
        }
    }

    /** The agent cannot be started or cannot reach its model; retrying would only burn budget. */
    public static final class AgentUnavailable extends LoopFailure {
        public AgentUnavailable(String reason) {
            super(FailureKind.AGENT_UNAVAILABLE, reason, null);
        }
    }

    /** The agent's tool calls went past voxloop's hooks (dropped, disabled or failing); the turn is discarded. */
    public static final class Unguarded extends LoopFailure {
        public Unguarded(String reason) {
            super(FailureKind.UNGUARDED, reason, null);
        }
    }

    /** The project's configuration cannot work; a person has to change it. */
    public static final class Misconfigured extends LoopFailure {
        public Misconfigured(String reason, Throwable cause) {
            super(FailureKind.MISCONFIGURED, reason, cause);
        }
    }

    /** CI on the pull request keeps failing (healing rounds used up, the same failure twice, checks never ending). */
    public static final class ChecksFailed extends LoopFailure {
        public ChecksFailed(String reason) {
            super(FailureKind.CHECKS_FAILED, reason, null);
        }
    }

    /** Blocking review findings are still open after the project's last review round. */
    public static final class ReviewBlocked extends LoopFailure {
        public ReviewBlocked(String reason) {
            super(FailureKind.REVIEW_BLOCKED, reason, null);
        }
    }

    /** The forge will not merge the pull request and another attempt by the loop would not change that. */
    public static final class NotMergeable extends LoopFailure {
        public NotMergeable(String reason) {
            super(FailureKind.NOT_MERGEABLE, reason, null);
        }
    }

    /** git, the file system, the network or the tracker failed; another attempt may succeed. */
    public static final class Infrastructure extends LoopFailure {
        public Infrastructure(String reason, Throwable cause) {
            super(FailureKind.INFRASTRUCTURE, reason, cause);
        }
    }

    /** Something voxloop did not anticipate. */
    public static final class Internal extends LoopFailure {
        public Internal(String reason, Throwable cause) {
            super(FailureKind.INTERNAL, reason, cause);
        }
    }

    /**
     * The failure an exception from a step stands for: a {@code LoopFailure} is itself; a {@link Problem} by its
     * kind (bad input or configuration needs a person, an unreachable or failing service may recover); an I/O
     * error is infrastructure; anything else is internal.
     */
    public static LoopFailure of(RuntimeException e) {
        return switch (e) {
            case LoopFailure f -> f;
            case Problem p -> switch (p.kind()) {
                case INVALID, UNPROCESSABLE, NOT_FOUND, UNAUTHORIZED -> new Misconfigured(p.getMessage(), p);
                case UPSTREAM, UNAVAILABLE, TIMEOUT, TOO_MANY_REQUESTS, CONFLICT, GONE ->
                        new Infrastructure(p.getMessage(), p);
                default -> new Internal("the run failed: " + p.getMessage(), p);
            };
            case UncheckedIOException io -> new Infrastructure("I/O failed: " + io.getMessage(), io);
            default -> new Internal("the run failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        };
    }
}
