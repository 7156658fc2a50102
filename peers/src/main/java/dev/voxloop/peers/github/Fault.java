package dev.voxloop.peers.github;

import java.time.Duration;

/** A failure the peer injects into the next request to one operation ({@code "POST /repos/{owner}/{repo}/pulls"}). */
public sealed interface Fault {

    /** Does the work, then holds the answer for {@code hold}: the client times out although GitHub acted. */
    record TimeoutAfterApplying(Duration hold) implements Fault {
    }

    /** A 5xx; with {@code afterApplying} the work was done first (GitHub's 502 after a create). */
    record ServerError(int status, boolean afterApplying) implements Fault {
    }

    /** A secondary rate limit: 403 or 429 with {@code retry-after} seconds, nothing done. */
    record SecondaryLimit(int status, int retryAfterSeconds) implements Fault {
    }

    /** The primary rate limit is spent: 403 with {@code x-ratelimit-remaining: 0} until {@code resetInSeconds}. */
    record PrimaryLimit(int resetInSeconds) implements Fault {
    }
}
