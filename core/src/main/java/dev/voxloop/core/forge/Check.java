package dev.voxloop.core.forge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One named check on a head commit (a built-in CI command, a GitHub check run or commit status).
 *
 * @param id           the forge's id for {@link CodeForge#checkLog} and {@link CodeForge#rerun}
 * @param status       QUEUED or IN_PROGRESS while it runs, then COMPLETED
 * @param conclusion   null until COMPLETED
 * @param startedAt    null while queued
 * @param completedAt  null until COMPLETED
 * @param summary      one or a few lines a person reads first (the failing command, the first error)
 * @param failingTests test names the check reported as failing, when it could tell
 * @param url          a page with the check's details and log, or null
 */
public record Check(String id, String name, String headSha, Status status, Conclusion conclusion, Instant startedAt,
                    Instant completedAt, String summary, List<String> failingTests, String url) {

    public Check {
        summary = summary == null ? "" : summary;
        failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
        if (status == Status.COMPLETED && conclusion == null) {
            throw new IllegalArgumentException("a completed check needs a conclusion: " + name);
        }
    }

    /** GitHub's {@code waiting}, {@code requested} and {@code pending} are QUEUED here. */
    public enum Status {
        QUEUED, IN_PROGRESS, COMPLETED
    }

    /** GitHub's check-run conclusions; a commit status's {@code error} is FAILURE. */
    public enum Conclusion {
        SUCCESS, FAILURE, NEUTRAL, CANCELLED, SKIPPED, TIMED_OUT, ACTION_REQUIRED, STALE;

        /** Counts as green for a required check (GitHub treats neutral and skipped as passing). */
        public boolean passing() {
            return this == SUCCESS || this == NEUTRAL || this == SKIPPED;
        }
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    public boolean passed() {
        return completed() && conclusion.passing();
    }

    public boolean failed() {
        return completed() && !conclusion.passing();
    }

    /** Run time so far, or in total once completed; zero while queued. */
    public Duration duration(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, completedAt != null ? completedAt : now);
    }
}
