package dev.voxloop.core.queue;

import dev.voxloop.core.problem.Problem;
import java.time.Duration;

/** The argument rules of every {@link LoopQueue}: a bad key, owner or lease is an INVALID {@link Problem}. */
public final class QueueInput {

    /** Longest ticket key a queue accepts. */
    public static final int MAX_KEY_LENGTH = 64;

    private QueueInput() {
    }

    /** The project of a ticket key: {@code BOOK} of {@code BOOK-12} (the whole key when it has no dash). */
    public static String project(String key) {
        int dash = key.lastIndexOf('-');
        return dash <= 0 ? key : key.substring(0, dash);
    }

    public static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw Problem.invalid("key", "a ticket key is required");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw Problem.invalid("key", "a ticket key has at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    public static void requireOwner(String owner, Duration lease) {
        if (owner == null || owner.isBlank()) {
            throw Problem.invalid("owner", "a worker name is required");
        }
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw Problem.invalid("lease", "a lease must be a positive duration");
        }
    }
}
