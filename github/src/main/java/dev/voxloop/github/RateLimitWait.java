package dev.voxloop.github;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before asking GitHub again after it refused a request for its rate limits, or empty when the
 * answer was not a rate limit. A secondary limit (403 or 429) names its wait in {@code retry-after}; a spent primary
 * limit ({@code x-ratelimit-remaining: 0}) lasts until {@code x-ratelimit-reset}; a secondary limit without either
 * waits a minute, doubling per attempt, as GitHub asks. Each wait gets up to a tenth more, at random, so that
 * workers do not come back together.
 */
final class RateLimitWait {

    private RateLimitWait() {
    }

    static Optional<Duration> of(int status, HttpHeaders headers, String body, int attempt, Instant now,
                                 RandomGenerator random) {
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<String> retryAfter = headers.firstValue("retry-after");
        Duration base;
        if (retryAfter.isPresent()) {
            base = Duration.ofSeconds(Math.max(0, parseLong(retryAfter.get(), 60)));
        } else if (headers.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
            long reset = parseLong(headers.firstValue("x-ratelimit-reset").orElse(""), now.getEpochSecond() + 60);
            base = Duration.ofSeconds(Math.max(1, reset - now.getEpochSecond()));
        } else if (status == 429 || body.contains("secondary rate limit")) {
            base = Duration.ofMinutes(1).multipliedBy(1L << Math.min(4, attempt - 1));
        } else {
            return Optional.empty();
        }
        long ms = base.toMillis();
        return Optional.of(Duration.ofMillis(ms + random.nextLong(ms / 10 + 1)));
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
