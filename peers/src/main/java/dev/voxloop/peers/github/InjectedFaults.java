package dev.voxloop.peers.github;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The failures a test asked for, per operation, each used by the next call of it: a timeout after GitHub applied
 * the call, a server error before or after applying it, the secondary and the primary rate limit, each answered
 * with GitHub's own status, message and headers.
 */
final class InjectedFaults {

    private final Map<String, Deque<Fault>> faults = new HashMap<>();

    /** Queues {@code fault} for {@code operation} ({@code "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"}). */
    synchronized void add(String operation, Fault fault, Routes routes) {
        if (!routes.operations().getOrDefault(operation.substring(operation.indexOf(' ') + 1), List.of())
                .contains(operation.substring(0, operation.indexOf(' ')).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the peer serves no " + operation);
        }
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(fault);
    }

    /** The answer to one call of {@code operation}: {@code work}'s, unless a fault was queued for it. */
    Answer apply(String operation, Supplier<Answer> work) {
        Fault f;
        synchronized (this) {
            Deque<Fault> q = faults.get(operation);
            f = q == null ? null : q.poll();
        }
        return switch (f) {
            case null -> work.get();
            case Fault.TimeoutAfterApplying t -> {
                Answer done = work.get();
                GitHubPeer.sleep(t.hold().toMillis());
                yield done;
            }
            case Fault.ServerError e when e.afterApplying() -> {
                work.get();
                yield Answer.error(e.status(), "Server Error");
            }
            case Fault.ServerError e -> Answer.error(e.status(), "Server Error");
            case Fault.SecondaryLimit s -> new Answer(s.status(), Answer.error(s.status(), "You have exceeded a "
                    + "secondary rate limit. Please wait a few minutes before you try again.").json(), null,
                    Map.of("retry-after", String.valueOf(s.retryAfterSeconds())));
            case Fault.PrimaryLimit p -> new Answer(403, Answer.error(403, "API rate limit exceeded for user.")
                    .json(), null, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset",
                    String.valueOf(System.currentTimeMillis() / 1000 + p.resetInSeconds())));
        };
    }
}
