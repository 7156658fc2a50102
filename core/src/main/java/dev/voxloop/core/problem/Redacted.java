package dev.voxloop.core.problem;

/**
 * An unexpected exception made fit for a log: the same class names and stack traces along the cause chain, but
 * no messages. Database drivers and query libraries put the statement's arguments (the ticket text a person
 * said, a token) in their messages; a log line must carry neither, and the trace alone still says where it broke.
 */
public final class Redacted extends RuntimeException {

    private Redacted(Throwable original, Redacted cause) {
        super(original.getClass().getName() + (original instanceof Problem p ? " (" + p.kind() + ")" : ""), cause,
                false, true);
        setStackTrace(original.getStackTrace());
    }

    /** {@code t} and its causes, messages removed; null stays null. */
    public static Redacted of(Throwable t) {
        return t == null ? null : of(t, 0);
    }

    private static Redacted of(Throwable t, int depth) {
        Redacted cause = t.getCause() == null || t.getCause() == t || depth > 16 ? null : of(t.getCause(), depth + 1);
        return new Redacted(t, cause);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
