package dev.voxloop.core.loop;

/**
 * How a run left the loop, in words a person can act on.
 *
 * @param failure what kind of failure stopped it, or null when it ended as planned (PUSHED, MERGED)
 * @param reason  what happened and, for a failure, what to do about it
 */
public record Ending(FailureKind failure, String reason) {

    public static Ending success(String reason) {
        return new Ending(null, reason);
    }

    public boolean failed() {
        return failure != null;
    }
}
