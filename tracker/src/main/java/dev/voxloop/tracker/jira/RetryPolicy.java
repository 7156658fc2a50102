package dev.voxloop.tracker.jira;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Bounds for retrying a Jira call: at most {@code maxAttempts} attempts and at most {@code maxTotalWait} spent
 * waiting between them. A server's Retry-After is honoured (plus a little jitter); otherwise the delay doubles
 * from {@code baseDelay} up to {@code maxDelay} with "equal jitter" (half fixed, half random).
 */
public record RetryPolicy(
        @Key(path = "max_attempts", fallback = "5", env = "JIRA_RETRY_MAX_ATTEMPTS",
                doc = "Attempts per call on 429/503/timeouts")
        int maxAttempts,
        @Key(path = "base_delay", fallback = "500ms", env = "JIRA_RETRY_BASE_DELAY",
                doc = "First backoff delay, doubled per retry")
        Duration baseDelay,
        @Key(path = "max_delay", fallback = "30s", env = "JIRA_RETRY_MAX_DELAY", doc = "Longest single backoff delay")
        Duration maxDelay,
        @Key(path = "max_total_wait", fallback = "60s", env = "JIRA_RETRY_MAX_WAIT",
                doc = "Most time spent waiting between attempts of one call")
        Duration maxTotalWait) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tracker.jira.retry.max_attempts: must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("tracker.jira.retry: delays must not be negative");
        }
    }

    public static RetryPolicy defaults() {
        return Settings.bind(RetryPolicy.class, ConfigTree.empty());
    }

    /** Delay before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed. */
    public Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            long ms = retryAfter.get().toMillis();
            long jitter = ms <= 0 ? 0 : random.nextLong(Math.max(1, ms / 10) + 1);
            return Duration.ofMillis(ms + jitter);
        }
        long base = Math.max(1, baseDelay.toMillis());
        long exp = base << Math.min(20, attempt - 1);
        long capped = Math.min(exp, Math.max(1, maxDelay.toMillis()));
        long half = capped / 2;
        return Duration.ofMillis(half + random.nextLong(capped - half + 1));
    }
}
